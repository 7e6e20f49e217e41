using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.UpdateMe;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Put("users/me", Handle) with
        {
            Summary = "Edit the caller's profile: display name, bio, location, website",
        };

    private static async Task<Results<Ok<Me.Response>, ProblemHttpResult>> Handle(
        Request request,
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var userId = caller.UserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return AccountProblems.Gone();

        user.DisplayName = Rules.Clean(request.DisplayName);
        user.Bio = Rules.Clean(request.Bio);
        user.Location = Rules.Clean(request.Location);
        user.Website = Rules.Clean(request.Website);
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Me.Response.From(user));
    }
}
