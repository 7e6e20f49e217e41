using System.ComponentModel.DataAnnotations;
using ArtFolio.Domain;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Orders;

/// <summary>The artwork an order is for, as it was bought.</summary>
/// <param name="Id">The artwork; null once it was deleted.</param>
/// <param name="Title">Its title when it was bought.</param>
/// <param name="ThumbnailUrl">Its thumbnail, while it exists.</param>
public sealed record OrderArtwork(Guid? Id, string Title, string? ThumbnailUrl);

/// <summary>One purchase, as its buyer sees it.</summary>
/// <param name="Id">The order's id.</param>
/// <param name="Status"><c>pending</c> (checkout started), <c>paid</c> (the original can be downloaded), <c>cancelled</c> (nothing paid), <c>refund_pending</c> (paid but not sold: the money is on its way back), <c>refunded</c>.</param>
/// <param name="Reason">Why it was cancelled or refunded: <c>checkout_expired</c>, <c>payment_failed</c>, <c>sold_out</c> (the last copy went to someone else first), <c>already_owned</c>, <c>no_longer_for_sale</c>, <c>charge_refunded</c>.</param>
/// <param name="Artwork">What was bought.</param>
/// <param name="Amount">What it cost, in <c>currency</c>.</param>
/// <param name="Currency">ISO 4217, lower-case.</param>
/// <param name="CheckoutUrl">Stripe's payment page, while the order is pending.</param>
/// <param name="CheckoutExpiresAt">When that page stops taking payment, while pending.</param>
/// <param name="CreatedAt">When checkout started.</param>
/// <param name="PaidAt">When the payment was confirmed.</param>
/// <param name="RefundedAt">When the money went back.</param>
public sealed record OrderResponse(
    Guid Id,
    [property: AllowedValues("pending", "paid", "cancelled", "refund_pending", "refunded")] string Status,
    string? Reason,
    OrderArtwork Artwork,
    decimal Amount,
    string Currency,
    string? CheckoutUrl,
    DateTime? CheckoutExpiresAt,
    DateTime CreatedAt,
    DateTime? PaidAt,
    DateTime? RefundedAt
) : IHasExample<OrderResponse>
{
    public static OrderResponse Example { get; } =
        new(
            Guid.Parse("0193a5c2-e0f1-7a2b-9c3d-4e5f60718293"),
            "pending",
            null,
            new OrderArtwork(
                ArtworkResponse.Example.Id,
                ArtworkResponse.Example.Title,
                ArtworkResponse.Example.ThumbnailUrl
            ),
            1250.00m,
            "usd",
            "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8",
            new DateTime(2026, 12, 3, 18, 34, 0, DateTimeKind.Utc),
            new DateTime(2026, 12, 3, 18, 4, 0, DateTimeKind.Utc),
            null,
            null
        );

    public static string StatusName(OrderStatus status) =>
        status switch
        {
            OrderStatus.Pending => "pending",
            OrderStatus.Paid => "paid",
            OrderStatus.Cancelled => "cancelled",
            OrderStatus.RefundPending => "refund_pending",
            _ => "refunded",
        };

    public static OrderResponse From(Order order, string? thumbnailUrl) =>
        new(
            order.Id,
            StatusName(order.Status),
            order.Reason,
            new OrderArtwork(order.ArtworkId, order.ArtworkTitle, thumbnailUrl),
            Money.FromCents(order.AmountCents)!.Value,
            order.Currency,
            order.Status == OrderStatus.Pending ? order.CheckoutUrl : null,
            order.Status == OrderStatus.Pending ? order.CheckoutExpiresAt : null,
            order.CreatedAt,
            order.PaidAt,
            order.RefundedAt
        );
}
