using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.Me;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Get("users/me", Handle) with
        {
            Summary = "The caller's private profile, with email",
        };

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        ClaimsPrincipal caller,
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        var userId = caller.UserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        // A valid token whose account has since been deleted.
        return user is null ? AccountProblems.Gone() : TypedResults.Ok(Response.From(user));
    }
}
