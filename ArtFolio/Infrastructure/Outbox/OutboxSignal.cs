using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArtFolio.Infrastructure.Outbox;

/// <summary>Wakes this instance's dispatcher when a transaction that wrote to the outbox commits.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }
    );

    public void Notify() => pending.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await pending.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
    }
}

/// <summary>
/// Notices outbox rows being saved and signals once they are committed: at once without an explicit
/// transaction, at the commit with one. The dispatcher also polls, so a missed signal only delays.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<object, object> wroteToOutbox = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        if (
            eventData.Context is { } context
            && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added)
        )
            // Remembered on the transaction if there is one (signalled at its commit), else on the context.
            wroteToOutbox.AddOrUpdate(context.Database.CurrentTransaction?.GetDbTransaction() ?? (object)context, this);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        if (eventData.Context is { } context && wroteToOutbox.Remove(context))
            signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (wroteToOutbox.Remove(transaction))
            signal.Notify();
        return Task.CompletedTask;
    }
}
