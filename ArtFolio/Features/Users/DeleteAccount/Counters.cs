using ArtFolio.Features.Likes;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.DeleteAccount;

/// <summary>
/// The denormalised counters a deleted user's rows fed: likes and comments on other people's
/// artworks, and both ends of their follows. Cascades remove the rows; these are then counted again.
/// </summary>
internal static class Counters
{
    public sealed record Touched(List<Guid> Artworks, List<Guid> Users);

    public static async Task<Touched> TouchedByAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var artworks = await db
            .Likes.Where(l => l.UserId == userId)
            .Select(l => l.ArtworkId)
            .Union(db.Comments.Where(c => c.AuthorId == userId).Select(c => c.ArtworkId))
            .ToListAsync(cancellationToken);
        var users = await db
            .Follows.Where(f => f.FollowerId == userId)
            .Select(f => f.FolloweeId)
            .Union(db.Follows.Where(f => f.FolloweeId == userId).Select(f => f.FollowerId))
            .ToListAsync(cancellationToken);
        return new Touched(artworks, users);
    }

    public static async Task RecountAsync(AppDbContext db, Touched touched, CancellationToken cancellationToken)
    {
        if (touched.Artworks.Count > 0)
        {
            await RecentLikeCounters.RecountAsync(db, touched.Artworks, cancellationToken);
            await db
                .Artworks.Where(a => touched.Artworks.Contains(a.Id))
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(a => a.LikeCount, a => db.Likes.Count(l => l.ArtworkId == a.Id))
                            .SetProperty(a => a.CommentCount, a => db.Comments.Count(c => c.ArtworkId == a.Id)),
                    cancellationToken
                );
        }
        if (touched.Users.Count > 0)
            await db
                .Users.Where(u => touched.Users.Contains(u.Id))
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(u => u.FollowerCount, u => db.Follows.Count(f => f.FolloweeId == u.Id))
                            .SetProperty(u => u.FollowingCount, u => db.Follows.Count(f => f.FollowerId == u.Id)),
                    cancellationToken
                );
    }
}
