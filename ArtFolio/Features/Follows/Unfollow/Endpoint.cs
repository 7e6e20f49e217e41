using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Follows.Unfollow;

public sealed class Endpoint(AppDbContext db, Evictions evictions)
    : Endpoint<Request, Results<Ok<FollowResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Delete("users/{username}/follow");
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "Stop following an artist (idempotent)";
            s.Description =
                "Answers the follow state and the artist's follower count; unfollowing someone not followed changes nothing. An unknown username is a 404.";
        });
    }

    public override async Task<Results<Ok<FollowResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var me = User.UserId();
        var (followee, problem) = await FollowTarget.FindAsync(db, request.Username, me, cancellationToken);
        if (problem is not null)
            return problem;

        var artist = followee!.Value;
        var count = await db.ChangeOnceAsync(
            change: ct => db.Follows.Where(f => f.FollowerId == me && f.FolloweeId == artist).ExecuteDeleteAsync(ct),
            whenChanged: ct => FollowTarget.MoveCountersAsync(db, me, artist, -1, ct),
            count: ct => FollowTarget.FollowerCountAsync(db, artist, ct),
            cancellationToken
        );
        await FollowTarget.EvictAnswersAsync(evictions, User.Identity!.Name!, request.Username);
        return TypedResults.Ok(new FollowResponse(false, count));
    }
}
