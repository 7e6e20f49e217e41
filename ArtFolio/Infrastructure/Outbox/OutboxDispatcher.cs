using ArtFolio.Domain;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Outbox;

/// <summary>Does the work of one outbox topic. Throwing means "try again later".</summary>
public interface IOutboxHandler
{
    string Topic { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A handler of one topic whose messages carry a <typeparamref name="TPayload"/>: the topic and the
/// payload type are declared once, here, and the handler gets the payload read for it.
/// </summary>
public abstract class OutboxHandler<TPayload> : IOutboxHandler
    where TPayload : class
{
    public abstract string Topic { get; }

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        HandleAsync(
            message.Id,
            System.Text.Json.JsonSerializer.Deserialize<TPayload>(message.Payload)
                ?? throw new InvalidOperationException($"An empty '{Topic}' outbox message."),
            cancellationToken
        );

    /// <summary>Does the work for one message; <paramref name="messageId"/> is the same on every retry of it (an idempotency key).</summary>
    protected abstract Task HandleAsync(Guid messageId, TPayload payload, CancellationToken cancellationToken);
}

public sealed class OutboxOptions : ICheckedSettings
{
    public const string Section = "Outbox";

    /// <summary>Whether this instance dispatches. Off on instances that should only answer requests.</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>How often to look when no commit has signalled (another instance's writes, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claim lasts unless extended: a working dispatcher extends its claims every third of
    /// it; a crashed instance's claims lapse after it.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 20;

    public IEnumerable<string> Problems()
    {
        if (PollInterval <= TimeSpan.Zero)
            yield return "PollInterval: must be positive";
        if (ClaimDuration <= TimeSpan.Zero)
            yield return "ClaimDuration: must be positive";
        if (BatchSize <= 0)
            yield return "BatchSize: must be positive";
    }
}

/// <summary>
/// Takes committed outbox messages, claims a batch (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>,
/// so several instances never take the same message), and hands each to its topic's handler. While it
/// works through the batch it extends its claims every third of <see cref="OutboxOptions.ClaimDuration"/>,
/// so a long batch is never taken over by another instance; only a dead (or stalled) dispatcher's claims
/// lapse. A message that fails is tried again later, backing off from 2 s to an hour, and kept however
/// often it fails. Delivery is at least once: a crash after a handler's work and before the message is
/// marked leaves it to be done again; handlers make that harmless (notifications are unique per event
/// and recipient).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IOutboxHandler> handlers,
    OutboxSignal signal,
    OutboxOptions options,
    DatabaseOptions database,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger
) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> byTopic = handlers.ToDictionary(h => h.Topic);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Dispatch)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) == options.BatchSize)
                    continue; // more may be waiting
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The outbox could not be read; trying again shortly");
            }
            await signal.WaitAsync(options.PollInterval, stoppingToken);
        }
    }

    /// <summary>Claims and handles one batch; returns how many messages it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var claimed = await ClaimAsync(claim, cancellationToken);
        if (claimed.Count == 0)
            return 0;
        using var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = KeepClaimedAsync(claim, working.Token);
        try
        {
            foreach (var message in claimed)
            {
                if (cancellationToken.IsCancellationRequested)
                    break;
                await HandleAsync(message, cancellationToken);
            }
        }
        finally
        {
            await working.CancelAsync();
            await heartbeat;
            if (cancellationToken.IsCancellationRequested)
                await HandBackAsync(claim);
        }
        return claimed.Count;
    }

    /// <summary>
    /// Stopping (SIGTERM): the messages of this batch not yet handled (or interrupted) are released at once,
    /// so another instance takes them now rather than when the claim would lapse.
    /// </summary>
    private async Task HandBackAsync(Guid claim)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var released = await db
                .Outbox.Where(m => m.ClaimToken == claim && m.DispatchedAt == null)
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.ClaimToken, (Guid?)null),
                    CancellationToken.None
                );
            if (released > 0)
                logger.LogInformation("Stopping: handed back {Count} claimed outbox message(s)", released);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Stopping: could not hand back this batch's claims; they lapse on their own");
        }
    }

    /// <summary>Extends this batch's claims on the messages not yet handled, until the batch is done.</summary>
    private async Task KeepClaimedAsync(Guid claim, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.ClaimDuration / 3, clock, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var until = clock.GetUtcNow().UtcDateTime + options.ClaimDuration;
                await db
                    .Outbox.Where(m => m.ClaimToken == claim && m.DispatchedAt == null && m.ClaimedUntil != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not extend the outbox claims of this batch; trying again");
            }
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(Guid claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due =
            database.Provider == DatabaseProvider.Postgres
                ? db.Outbox.FromSql(
                    $"""
                    SELECT * FROM outbox
                    WHERE "DispatchedAt" IS NULL AND "AvailableAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                    ORDER BY "AvailableAt", "Id" LIMIT {options.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """
                )
                // SQLite has one writer, and one instance uses it: the transaction is the claim.
                : db
                    .Outbox.Where(m =>
                        m.DispatchedAt == null
                        && m.AvailableAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil < now)
                    )
                    .OrderBy(m => m.AvailableAt)
                    .ThenBy(m => m.Id)
                    .Take(options.BatchSize);
        var messages = await due.AsNoTracking().ToListAsync(cancellationToken);
        if (messages.Count > 0)
        {
            var ids = messages.Select(m => m.Id).ToList();
            var until = now + options.ClaimDuration;
            await db
                .Outbox.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(m => m.ClaimedUntil, until)
                            .SetProperty(m => m.ClaimToken, claim)
                            .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                    cancellationToken
                );
        }
        await transaction.CommitAsync(cancellationToken);
        return messages;
    }

    private async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            if (!byTopic.TryGetValue(message.Topic, out var handler))
                throw new InvalidOperationException($"No handler for outbox topic '{message.Topic}'.");
            await handler.HandleAsync(message, cancellationToken);
            var done = clock.GetUtcNow().UtcDateTime;
            await db
                .Outbox.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.DispatchedAt, done).SetProperty(m => m.ClaimedUntil, (DateTime?)null),
                    CancellationToken.None
                );
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var retryAt = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
            logger.LogWarning(
                e,
                "Outbox message {Id} ({Topic}) failed on attempt {Attempts}; next attempt at {RetryAt:O}",
                message.Id,
                message.Topic,
                attempts,
                retryAt
            );
            var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            await db
                .Outbox.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(m => m.AvailableAt, retryAt)
                            .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                            .SetProperty(m => m.LastError, error),
                    CancellationToken.None
                );
        }
    }

    /// <summary>2 s, 4 s, 8 s, ... up to an hour between attempts.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(attempts, 12))));
}
