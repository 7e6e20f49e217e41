using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.Me;

public sealed class Endpoint(AppDbContext db) : EndpointWithoutRequest<Results<Ok<Response>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Get("users/me");
        Summary(s =>
        {
            s.Summary = "The caller's private profile, with email";
            s.Description = "The only answer that carries the caller's email, with whether it is verified.";
        });
    }

    public override async Task<Results<Ok<Response>, ProblemHttpResult>> ExecuteAsync(
        CancellationToken cancellationToken
    )
    {
        var userId = User.UserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        // A valid token whose account has since been deleted.
        return user is null ? AccountProblems.Gone() : TypedResults.Ok(Me.Response.From(user));
    }
}
