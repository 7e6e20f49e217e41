using ArtFolio.Domain;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Follows.Follow;

public sealed class Endpoint(AppDbContext db, NotificationOutbox notifications, TimeProvider clock)
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO follows ("FollowerId", "FolloweeId", "CreatedAt") VALUES ({me}, {followee}, {now}) ON CONFLICT DO NOTHING""",
            cancellationToken
        );
        if (inserted == 1)
        {
            await FollowTarget.MoveCountersAsync(db, me, followee!.Value, +1, cancellationToken);
            notifications.ToUser(
                db,
                NotificationTypes.NewFollower,
                me,
                followee.Value,
                null,
                $"{User.Identity!.Name} started following you"
            );
            await db.SaveChangesAsync(cancellationToken);
        }
        var count = await FollowTarget.FollowerCountAsync(db, followee!.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new FollowResponse(true, count));
    }
}
