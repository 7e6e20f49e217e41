using System.Globalization;

namespace ArtFolio.Features.Artworks;

/// <summary>Prices travel as JSON numbers with at most 2 decimals and are stored as whole cents.</summary>
public static class Money
{
    public const decimal Max = 1_000_000_000m;

    /// <summary>The smallest price that can be bought: Stripe charges no less than 0.50 in most currencies.</summary>
    public const long MinimumSaleCents = 50;

    /// <summary>
    /// The one currency of every price in this deployment (<c>Payments:Currency</c>), set once at start
    /// by <c>AddOrders</c>: a price is shown with it and an order is made in it.
    /// </summary>
    public static string Currency { get; set; } = "usd";

    public static decimal? FromCents(long? cents) => cents / 100m;

    public static long? ToCents(decimal? price) => price is null ? null : (long)(price.Value * 100m);

    public static bool IsValid(decimal price) => price >= 0 && price <= Max && decimal.Round(price, 2) == price;

    /// <summary>A price typed into a form field: "12", "12.5", "12.50".</summary>
    public static bool TryParse(string? text, out decimal price) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price);
}
