using ArtFolio.Domain;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Follows.Follow;

public sealed class Endpoint(AppDbContext db, NotificationOutbox notifications, Evictions evictions, TimeProvider clock)
    : Endpoint<Request, Results<Ok<FollowResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("users/{username}/follow");
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "Follow an artist (idempotent); following yourself is a 400";
            s.Description =
                "Answers the follow state and the artist's follower count; following twice changes nothing. The artist is notified the first time. An unknown username is a 404.";
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

        var now = clock.GetUtcNow().UtcDateTime;
        var artist = followee!.Value;
        var count = await db.ChangeOnceAsync(
            change: ct =>
                db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO follows ("FollowerId", "FolloweeId", "CreatedAt") VALUES ({me}, {artist}, {now}) ON CONFLICT DO NOTHING""",
                    ct
                ),
            whenChanged: async ct =>
            {
                await FollowTarget.MoveCountersAsync(db, me, artist, +1, ct);
                notifications.ToUser(
                    db,
                    NotificationTypes.NewFollower,
                    me,
                    artist,
                    null,
                    $"{User.Identity!.Name} started following you"
                );
            },
            count: ct => FollowTarget.FollowerCountAsync(db, artist, ct),
            cancellationToken
        );
        await FollowTarget.EvictAnswersAsync(evictions, User.Identity!.Name!, request.Username);
        return TypedResults.Ok(new FollowResponse(true, count));
    }
}
