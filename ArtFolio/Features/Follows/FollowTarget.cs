using ArtFolio.Domain;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Follows;

/// <summary>Finding the user to follow or unfollow: known, and not the caller.</summary>
public static class FollowTarget
{
    public static async Task<(Guid? Id, ProblemHttpResult? Problem)> FindAsync(
        AppDbContext db,
        string username,
        Guid callerId,
        CancellationToken cancellationToken
    )
    {
        var name = User.NormalizeUsername(username);
        var id = await db
            .Users.Where(u => u.Username == name)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (id is null)
            return (null, Users.UserProblems.UnknownUsername());
        if (id == callerId)
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "You cannot follow yourself."));
        return (id, null);
    }

    /// <summary>After a follow was given or taken back: both profiles' kept answers and the directory's.</summary>
    public static Task EvictAnswersAsync(Evictions evictions, string followerUsername, string followeeUsername) =>
        evictions.EvictAnswersAsync(
            AnswerTags.FollowChanged(followerUsername, User.NormalizeUsername(followeeUsername)),
            CancellationToken.None
        );

    public static Task<int> FollowerCountAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.FollowerCount).SingleAsync(cancellationToken);

    /// <summary>Both counters of a follow move together, by the same amount, with the row.</summary>
    public static async Task MoveCountersAsync(
        AppDbContext db,
        Guid followerId,
        Guid followeeId,
        int by,
        CancellationToken cancellationToken
    )
    {
        await db
            .Users.Where(u => u.Id == followeeId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FollowerCount, u => u.FollowerCount + by), cancellationToken);
        await db
            .Users.Where(u => u.Id == followerId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(u => u.FollowingCount, u => u.FollowingCount + by),
                cancellationToken
            );
    }
}
