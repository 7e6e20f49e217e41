using System.Text.Json;
using ArtFolio.Domain;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Realtime;
using ArtFolio.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArtFolio.Features.Notifications;

/// <summary>
/// Delivers one notification event from the outbox: finds the recipients (every follower, in batches),
/// stores their notifications in one transaction, then pushes each one to its recipient's sockets
/// through the real-time bus. An artwork, actor or recipient deleted meanwhile is a normal case: there
/// is then nothing (or less) to deliver.
/// </summary>
public sealed class NotificationHandler(
    IServiceScopeFactory scopes,
    IRealtimeBus bus,
    AppMetrics metrics,
    TimeProvider clock,
    IOptions<JsonOptions> json,
    ILogger<NotificationHandler> logger
) : OutboxHandler<NotificationEvent>
{
    public const int BatchSize = 500;

    public override string Topic => NotificationOutbox.Topic;

    protected override async Task HandleAsync(
        Guid eventId,
        NotificationEvent notification,
        CancellationToken cancellationToken
    )
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actor = await db
            .Users.Where(u => u.Id == notification.ActorId)
            .Select(UserSummary.Projection())
            .SingleOrDefaultAsync(cancellationToken);
        var artworkGone =
            notification.ArtworkId is { } artworkId
            && !await db.Artworks.AnyAsync(a => a.Id == artworkId, cancellationToken);
        if (actor is null || artworkGone)
        {
            logger.LogDebug(
                "Nothing to deliver for a {Type} notification: its actor or artwork is gone",
                notification.Type
            );
            return;
        }

        var stored = new List<Notification>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await foreach (var recipients in RecipientBatchesAsync(db, notification, cancellationToken))
                stored.AddRange(await StoreAsync(db, eventId, notification, recipients, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        var messages = stored
            .Select(n => new RealtimeMessage(
                n.RecipientId,
                JsonSerializer.Serialize(NotificationItem.From(n, actor), json.Value.SerializerOptions)
            ))
            .ToList();
        try
        {
            await bus.PublishAsync(messages, cancellationToken);
            metrics.NotificationsPushed(messages.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The notifications are stored: failing the event now would store them twice on its retry. The
            // push is the live copy only; the list endpoint has them all.
            logger.LogWarning(e, "Stored {Count} notification(s) but could not push them live", messages.Count);
        }
    }

    private static async IAsyncEnumerable<List<Guid>> RecipientBatchesAsync(
        AppDbContext db,
        NotificationEvent notification,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        if (notification.RecipientId is { } one)
        {
            yield return [one];
            yield break;
        }
        // Every follower as of the event, a batch at a time, seeking on the follower id.
        var after = Guid.Empty;
        while (true)
        {
            var batch = await db
                .Follows.Where(f =>
                    f.FolloweeId == notification.ActorId
                    && f.CreatedAt <= notification.OccurredAt
                    && f.FollowerId.CompareTo(after) > 0
                )
                .OrderBy(f => f.FollowerId)
                .Select(f => f.FollowerId)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
                yield break;
            yield return batch;
            after = batch[^1];
        }
    }

    /// <summary>
    /// Stores the notifications of one batch of recipients, but not again for a recipient this event was
    /// already delivered to (a retry, or an instance that took the event over). Two instances racing on
    /// one event collide on the unique (event, recipient) index: one commits, the other's transaction
    /// fails, and its retry finds everything stored.
    /// </summary>
    private async Task<List<Notification>> StoreAsync(
        AppDbContext db,
        Guid eventId,
        NotificationEvent notification,
        List<Guid> recipients,
        CancellationToken cancellationToken
    )
    {
        // Recipients that still exist (a follower or the one recipient may have deleted their account).
        var existing = await db
            .Users.Where(u =>
                recipients.Contains(u.Id)
                && u.Id != notification.ActorId
                && !db.Notifications.Any(n => n.EventId == eventId && n.RecipientId == u.Id)
            )
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = existing
            .Select(id => new Notification
            {
                RecipientId = id,
                Type = notification.Type,
                ActorId = notification.ActorId,
                ArtworkId = notification.ArtworkId,
                Message = notification.Message,
                CreatedAt = now,
                EventId = eventId,
            })
            .ToList();
        db.Notifications.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rows;
    }
}
