using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Orders;

/// <summary>An order with its artwork's thumbnail, read in the same query (null once the artwork is gone).</summary>
public sealed record OrderRow(Order Order, string? ThumbnailUrl)
{
    public OrderResponse ToResponse() => OrderResponse.From(Order, ThumbnailUrl);
}

/// <summary>The questions about orders that several slices ask.</summary>
public static class OrderQueries
{
    /// <summary>Each order with its artwork's current thumbnail, as <see cref="OrderResponse"/> shows it.</summary>
    public static IQueryable<OrderRow> WithThumbnails(this IQueryable<Order> orders, AppDbContext db) =>
        orders.Select(o => new OrderRow(
            o,
            db.Artworks.Where(a => a.Id == o.ArtworkId).Select(a => a.ThumbnailUrl).FirstOrDefault()
        ));

    /// <summary>
    /// Whether <paramref name="buyerId"/> owns <paramref name="artworkId"/>: has a paid order of it (a refunded
    /// one no longer counts). Checkout refuses a second purchase on it, a payment for a second copy is
    /// refunded, and the original may be downloaded.
    /// </summary>
    public static Task<bool> OwnedAsync(
        this IQueryable<Order> orders,
        Guid buyerId,
        Guid? artworkId,
        CancellationToken cancellationToken
    ) =>
        orders.AnyAsync(
            o => o.BuyerId == buyerId && o.ArtworkId == artworkId && o.Status == OrderStatus.Paid,
            cancellationToken
        );
}
