namespace ArtFolio.Infrastructure.Persistence;

/// <summary>
/// The rule of the idempotent relations with a counter (a like and its artwork's like count, a follow
/// and the follower counts): in one transaction, the row is inserted or deleted once (a repeat changes
/// nothing), the counter moves only when a row did, whatever goes with the change (a notification)
/// is saved with it, and the answer reads the count as committed.
/// </summary>
public static class CountedRelation
{
    /// <param name="db">The request's context; the transaction is its own.</param>
    /// <param name="change">The insert (<c>ON CONFLICT DO NOTHING</c>) or delete; returns the rows it changed.</param>
    /// <param name="whenChanged">Moves the counter and adds what goes with the change to the context.</param>
    /// <param name="count">Reads the counter after the change.</param>
    /// <param name="cancellationToken">The request's.</param>
    public static async Task<int> ChangeOnceAsync(
        this AppDbContext db,
        Func<CancellationToken, Task<int>> change,
        Func<CancellationToken, Task> whenChanged,
        Func<CancellationToken, Task<int>> count,
        CancellationToken cancellationToken
    )
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await change(cancellationToken) == 1)
        {
            await whenChanged(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        var counted = await count(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counted;
    }
}
