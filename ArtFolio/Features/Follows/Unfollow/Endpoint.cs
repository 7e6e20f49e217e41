using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Follows.Unfollow;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Delete("users/{username}/follow", Handle) with
        {
            Summary = "Stop following an artist (idempotent)",
            Configure = endpoint =>
                endpoint
                    .ProducesProblem(StatusCodes.Status400BadRequest)
                    .ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<FollowResponse>, ProblemHttpResult>> Handle(
        string username,
        ClaimsPrincipal caller,
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        var me = caller.UserId();
        var (followee, problem) = await FollowTarget.FindAsync(db, username, me, cancellationToken);
        if (problem is not null)
            return problem;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db
            .Follows.Where(f => f.FollowerId == me && f.FolloweeId == followee)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
            await FollowTarget.MoveCountersAsync(db, me, followee!.Value, -1, cancellationToken);
        var count = await FollowTarget.FollowerCountAsync(db, followee!.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new FollowResponse(false, count));
    }
}
