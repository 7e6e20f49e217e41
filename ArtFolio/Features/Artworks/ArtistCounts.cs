using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks;

/// <summary>
/// An artist's <c>ArtworkCount</c> moves with their artwork rows, in the transaction that saves them, so a
/// profile never shows a count the rows do not bear out.
/// </summary>
public static class ArtistCounts
{
    /// <summary>Saves the context's changes and moves the artist's count by <paramref name="change"/>, together.</summary>
    public static async Task SaveCountingAsync(
        this AppDbContext db,
        Guid artistId,
        int change,
        CancellationToken cancellationToken
    )
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db
            .Users.Where(u => u.Id == artistId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(u => u.ArtworkCount, u => u.ArtworkCount + change),
                cancellationToken
            );
        await transaction.CommitAsync(cancellationToken);
    }
}
