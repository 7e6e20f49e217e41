using ArtFolio.Domain;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Payments;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Orders;

/// <summary>
/// Refunds an order that was paid but not sold, from the outbox: queued in the transaction that found it
/// unsold, so it happens if and only if that did. When Stripe is down the outbox tries again later
/// (2 s, 4 s, ... up to an hour apart); the refund's idempotency key is the order's, so a retry after a
/// timeout that did refund refunds nothing more.
/// </summary>
public sealed class RefundHandler(IServiceScopeFactory scopes, StripePayments stripe, TimeProvider clock)
    : OutboxHandler<RefundRequest>
{
    public override string Topic => OrderLedger.RefundTopic;

    protected override async Task HandleAsync(
        Guid messageId,
        RefundRequest request,
        CancellationToken cancellationToken
    )
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var order = await db
            .Orders.AsNoTracking()
            .Where(o => o.Id == request.OrderId)
            .Select(o => new { o.Status, o.PaymentIntentId })
            .SingleOrDefaultAsync(cancellationToken);
        // Refunded meanwhile (its charge.refunded event came first): nothing left to do.
        if (order is not { Status: OrderStatus.RefundPending, PaymentIntentId: { } paymentIntentId })
            return;
        await stripe.RefundAsync(request.OrderId, paymentIntentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db
            .Orders.Where(o => o.Id == request.OrderId && o.Status == OrderStatus.RefundPending)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(o => o.Status, OrderStatus.Refunded)
                        .SetProperty(o => o.RefundedAt, now)
                        .SetProperty(o => o.UpdatedAt, now),
                CancellationToken.None
            );
    }
}
