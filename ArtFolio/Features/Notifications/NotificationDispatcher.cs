using System.Text.Json;
using ArtFolio.Domain;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Realtime;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArtFolio.Features.Notifications;

/// <summary>
/// Drains the queue: finds the recipients (every follower, in batches), stores their notifications,
/// then pushes each one to its recipient's sockets through the real-time bus.
/// </summary>
public sealed class NotificationDispatcher(
    NotificationQueue queue,
    IServiceScopeFactory scopes,
    IRealtimeBus bus,
    TimeProvider clock,
    IOptions<JsonOptions> json,
    ILogger<NotificationDispatcher> logger
) : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notification in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DispatchAsync(notification, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(
                    e,
                    "Could not deliver a {Type} notification from {Actor}",
                    notification.Type,
                    notification.ActorId
                );
            }
        }
    }

    private async Task DispatchAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actor = await db
            .Users.Where(u => u.Id == notification.ActorId)
            .Select(UserSummary.Projection(db))
            .SingleOrDefaultAsync(cancellationToken);
        if (actor is null)
            return; // the actor deleted their account meanwhile; so are their notifications

        await foreach (var recipients in RecipientBatchesAsync(db, notification, cancellationToken))
        {
            var rows = await StoreAsync(db, notification, recipients, cancellationToken);
            await bus.PublishAsync(
                rows.Select(n => new RealtimeMessage(
                        n.RecipientId,
                        JsonSerializer.Serialize(NotificationItem.From(n, actor), json.Value.SerializerOptions)
                    ))
                    .ToList(),
                cancellationToken
            );
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

    private async Task<List<Notification>> StoreAsync(
        AppDbContext db,
        NotificationEvent notification,
        List<Guid> recipients,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Notification> Rows(IEnumerable<Guid> ids) =>
            ids.Where(id => id != notification.ActorId)
                .Select(id => new Notification
                {
                    RecipientId = id,
                    Type = notification.Type,
                    ActorId = notification.ActorId,
                    ArtworkId = notification.ArtworkId,
                    Message = notification.Message,
                    CreatedAt = now,
                })
                .ToList();

        var rows = Rows(recipients);
        try
        {
            db.Notifications.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A recipient or the artwork was deleted since: keep those that still exist, once.
            db.ChangeTracker.Clear();
            if (
                notification.ArtworkId is { } artworkId
                && !await db.Artworks.AnyAsync(a => a.Id == artworkId, cancellationToken)
            )
                return [];
            var existing = await db
                .Users.Where(u => recipients.Contains(u.Id))
                .Select(u => u.Id)
                .ToListAsync(cancellationToken);
            rows = Rows(existing);
            db.Notifications.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        return rows;
    }
}
