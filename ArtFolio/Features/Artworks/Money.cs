using System.Globalization;

namespace ArtFolio.Features.Artworks;

/// <summary>Prices travel as JSON numbers with at most 2 decimals and are stored as whole cents.</summary>
public static class Money
{
    public const decimal Max = 1_000_000_000m;

    public static decimal? FromCents(long? cents) => cents / 100m;

    public static long? ToCents(decimal? price) => price is null ? null : (long)(price.Value * 100m);

    public static bool IsValid(decimal price) => price >= 0 && price <= Max && decimal.Round(price, 2) == price;

    /// <summary>A price typed into a form field: "12", "12.5", "12.50".</summary>
    public static bool TryParse(string? text, out decimal price) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price);
}
