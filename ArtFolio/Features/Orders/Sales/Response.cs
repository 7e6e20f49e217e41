using System.ComponentModel.DataAnnotations;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Orders.Sales;

/// <summary>One sale of the caller's work.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status"><c>paid</c>, or <c>refunded</c> afterwards (then it no longer counts in the totals).</param>
/// <param name="Artwork">What was sold.</param>
/// <param name="Buyer">Who bought it; null once they deleted their account.</param>
/// <param name="Amount">What it brought, in <c>currency</c>.</param>
/// <param name="Currency">ISO 4217, lower-case.</param>
/// <param name="PaidAt">When it was paid.</param>
/// <param name="RefundedAt">When it was refunded, if it was.</param>
public sealed record SaleItem(
    Guid OrderId,
    [property: AllowedValues("paid", "refunded")] string Status,
    OrderArtwork Artwork,
    UserBadge? Buyer,
    decimal Amount,
    string Currency,
    DateTime PaidAt,
    DateTime? RefundedAt
);

/// <summary>The caller's sales and what they brought, all time.</summary>
/// <param name="Count">Sales paid and not refunded.</param>
/// <param name="Total">What they brought, before Stripe's fees, in <c>currency</c>.</param>
/// <param name="Currency">The deployment's currency.</param>
public sealed record SalesTotals(int Count, decimal Total, string Currency);

/// <summary>A page of sales, newest first, with the totals of every sale.</summary>
/// <param name="Items">This page's sales.</param>
/// <param name="NextCursor">The next page's cursor; null on the last page.</param>
/// <param name="Totals">All sales, not only this page's.</param>
public sealed record Response(IReadOnlyList<SaleItem> Items, string? NextCursor, SalesTotals Totals)
    : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            [
                new SaleItem(
                    OrderResponse.Example.Id,
                    "paid",
                    OrderResponse.Example.Artwork,
                    new UserBadge("jonas", "Jonas Berg", null),
                    1250.00m,
                    "usd",
                    new DateTime(2026, 12, 3, 18, 6, 0, DateTimeKind.Utc),
                    null
                ),
            ],
            null,
            new SalesTotals(3, 3750.00m, "usd")
        );
}
