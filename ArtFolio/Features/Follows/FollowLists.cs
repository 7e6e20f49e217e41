using ArtFolio.Domain;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Follows;

/// <summary>Followers and following are one list seen from either end of a follow.</summary>
public static class FollowLists
{
    public enum Side
    {
        Followers,
        Following,
    }

    public static async Task<Results<Ok<Page<UserSummary>>, StatusCodeHttpResult, ProblemHttpResult>> PageAsync(
        HttpContext http,
        AppDbContext db,
        string username,
        Side side,
        FollowListQuery query,
        CancellationToken cancellationToken
    )
    {
        var name = User.NormalizeUsername(username);
        var userId = await db
            .Users.Where(u => u.Username == name)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
            return Users.UserProblems.UnknownUsername();

        var follows = db.Follows.AsNoTracking();
        var rows =
            side == Side.Followers
                ? follows
                    .Where(f => f.FolloweeId == userId)
                    .Select(f => new Listed
                    {
                        At = f.CreatedAt,
                        Id = f.FollowerId,
                        User = f.Follower,
                    })
                : follows
                    .Where(f => f.FollowerId == userId)
                    .Select(f => new Listed
                    {
                        At = f.CreatedAt,
                        Id = f.FolloweeId,
                        User = f.Followee,
                    });
        Paging.TryDecode<TimeCursor>(query.Cursor, out var cursor);
        rows = rows.After(cursor, r => r.At, r => r.Id);
        var limit = Paging.LimitOf(query);
        var page = await rows.OrderByDescending(r => r.At)
            .ThenByDescending(r => r.Id)
            .Take(limit + 1)
            .Select(r => new
            {
                r.At,
                r.Id,
                Summary = UserSummary.From(r.User),
            })
            .ToListAsync(cancellationToken);
        var result = Paging.ToPage(page, limit, r => TimeCursor.Of(r.At, r.Id));
        var users = new Page<UserSummary>(result.Items.Select(r => r.Summary).ToList(), result.NextCursor);
        return ConditionalGet.IsNotModified(http, ConditionalGet.VersionOf(users))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(users);
    }

    /// <summary>One end of a follow: when it happened and who is listed. Settable members, so EF can compose over it.</summary>
    private sealed class Listed
    {
        public DateTime At { get; init; }
        public Guid Id { get; init; }
        public User User { get; init; } = null!;
    }
}
