using ArtFolio.Domain;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Orders;

/// <summary>Asks the outbox for a refund of an order that was paid but not sold.</summary>
/// <param name="OrderId">The order.</param>
public sealed record RefundRequest(Guid OrderId);

/// <summary>
/// Every change of an order after checkout, as Stripe's events decide it. Each event is applied in one
/// transaction with its id recorded in it (a second delivery finds the id and changes nothing), and every
/// change is an update conditional on the state it leaves (a paid order is never paid again). A sale is
/// counted by one update that cannot pass the edition size, after the artwork's row is locked, so
/// concurrent payments for the last copy sell it once and the others are refunded.
/// </summary>
public sealed class OrderLedger(
    AppDbContext db,
    NotificationOutbox notifications,
    Evictions evictions,
    TimeProvider clock,
    ILogger<OrderLedger> logger
)
{
    public const string RefundTopic = "refund";

    /// <summary>
    /// Applies <paramref name="apply"/> once for Stripe event <paramref name="eventId"/>; false when the
    /// event was applied before (a retry, a replay), and then nothing happens.
    /// </summary>
    public async Task<bool> ApplyOnceAsync(
        string eventId,
        string type,
        Func<CancellationToken, Task<Guid?>> apply,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Guid? changedArtwork;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // First a write: on SQLite it takes the one write lock before anything is read.
            var recorded = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO payment_events ("Id", "Type", "ReceivedAt") VALUES ({eventId}, {type}, {now})
                ON CONFLICT DO NOTHING
                """,
                cancellationToken
            );
            if (recorded == 0)
                return false;
            changedArtwork = await apply(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (changedArtwork is { } artworkId)
            await evictions.EvictAnswersAsync(AnswerTags.ArtworkChanged(artworkId), CancellationToken.None);
        return true;
    }

    /// <summary>
    /// A checkout was paid: the sale is counted and the artist told, or, when the last copy went to
    /// someone else first (or the buyer owns it already, or it is gone), a refund is queued. Returns the
    /// artwork whose counts changed.
    /// </summary>
    public async Task<Guid?> PaidAsync(Guid orderId, string? paymentIntentId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is not { Status: OrderStatus.Pending })
        {
            logger.LogInformation("Payment of order {OrderId} ignored: it is {Status}", orderId, order?.Status);
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var artworkId = order.ArtworkId;

        // Claim the order first: of two events paying it at once (a completion and an async success),
        // only the transaction that moves it out of Pending goes on; the other waits for its row lock,
        // finds it moved, and sells nothing.
        var claimed = await db
            .Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(o => o.Status, OrderStatus.Paid)
                        .SetProperty(o => o.PaymentIntentId, paymentIntentId)
                        .SetProperty(o => o.UpdatedAt, now),
                cancellationToken
            );
        if (claimed == 0)
            return null;

        var refundReason = await SellCopyAsync(order, cancellationToken);
        if (refundReason is not null)
        {
            await db
                .Orders.Where(o => o.Id == orderId)
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(o => o.Status, OrderStatus.RefundPending)
                            .SetProperty(o => o.Reason, refundReason),
                    cancellationToken
                );
            db.Outbox.Add(OutboxMessage.For(RefundTopic, new RefundRequest(orderId), now));
            logger.LogInformation(
                "Order {OrderId} was paid but not sold ({Reason}): refund queued",
                orderId,
                refundReason
            );
            return null;
        }

        await db
            .Orders.Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaidAt, now), cancellationToken);
        if (order.ArtistId is { } artistId)
        {
            await db
                .Users.Where(u => u.Id == artistId)
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(u => u.SalesCount, u => u.SalesCount + 1)
                            .SetProperty(u => u.SalesTotalCents, u => u.SalesTotalCents + order.AmountCents),
                    cancellationToken
                );
            if (order.BuyerId is { } buyer)
            {
                var buyerName = await db
                    .Users.Where(u => u.Id == buyer)
                    .Select(u => u.Username)
                    .SingleAsync(cancellationToken);
                notifications.ToUser(
                    db,
                    NotificationTypes.Sale,
                    buyer,
                    artistId,
                    artworkId,
                    $"{buyerName} bought “{order.ArtworkTitle}”"
                );
            }
        }
        return artworkId;
    }

    /// <summary>Counts one more copy of the order's artwork as sold; returns why it cannot be, if it cannot.</summary>
    private async Task<string?> SellCopyAsync(Order order, CancellationToken cancellationToken)
    {
        // Lock the artwork's row first (a write that changes nothing): on PostgreSQL every later statement
        // of this transaction then sees the sales committed before it; SQLite has one writer anyway.
        var artworkThere =
            await db
                .Artworks.Where(a => a.Id == order.ArtworkId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.SoldCount, a => a.SoldCount), cancellationToken) == 1;
        if (!artworkThere)
            return OrderReasons.NoLongerForSale;
        if (
            order.BuyerId is { } buyerId
            && await db.Orders.Where(o => o.Id != order.Id).OwnedAsync(buyerId, order.ArtworkId, cancellationToken)
        )
            return OrderReasons.AlreadyOwned;
        var sold = await db
            .Artworks.Where(a => a.Id == order.ArtworkId && (a.EditionSize == null || a.SoldCount < a.EditionSize))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SoldCount, a => a.SoldCount + 1), cancellationToken);
        return sold == 1 ? null : OrderReasons.SoldOut;
    }

    /// <summary>A checkout ended unpaid (expired, or its delayed payment failed).</summary>
    public async Task<Guid?> CancelledAsync(Guid orderId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db
            .Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Pending)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(o => o.Status, OrderStatus.Cancelled)
                        .SetProperty(o => o.Reason, reason)
                        .SetProperty(o => o.UpdatedAt, now),
                cancellationToken
            );
        return null;
    }

    /// <summary>
    /// The payment was refunded in full (by us, or from Stripe's dashboard): the order is refunded and its
    /// buyer loses the original; a counted sale is uncounted, so the copy is for sale again. A refund that
    /// arrives before the payment's own event leaves the order refunded, and that event then changes nothing.
    /// </summary>
    public async Task<Guid?> RefundedAsync(Guid? orderId, string? paymentIntentId, CancellationToken cancellationToken)
    {
        var order = await db
            .Orders.AsNoTracking()
            .Where(o => orderId != null ? o.Id == orderId : o.PaymentIntentId == paymentIntentId)
            .SingleOrDefaultAsync(cancellationToken);
        if (order is null || order.Status is OrderStatus.Refunded or OrderStatus.Cancelled)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var wasSold = order.Status == OrderStatus.Paid;
        var changed = await db
            .Orders.Where(o => o.Id == order.Id && o.Status == order.Status)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(o => o.Status, OrderStatus.Refunded)
                        .SetProperty(o => o.Reason, o => o.Reason ?? OrderReasons.ChargeRefunded)
                        .SetProperty(o => o.PaymentIntentId, o => o.PaymentIntentId ?? paymentIntentId)
                        .SetProperty(o => o.RefundedAt, now)
                        .SetProperty(o => o.UpdatedAt, now),
                cancellationToken
            );
        if (changed == 0 || !wasSold)
            return null;
        await db
            .Artworks.Where(a => a.Id == order.ArtworkId && a.SoldCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SoldCount, a => a.SoldCount - 1), cancellationToken);
        await db
            .Users.Where(u => u.Id == order.ArtistId)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(u => u.SalesCount, u => u.SalesCount - 1)
                        .SetProperty(u => u.SalesTotalCents, u => u.SalesTotalCents - order.AmountCents),
                cancellationToken
            );
        return order.ArtworkId;
    }
}
