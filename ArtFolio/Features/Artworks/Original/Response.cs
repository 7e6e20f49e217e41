using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Artworks.Original;

/// <summary>A short-lived link to an artwork's original file.</summary>
/// <param name="Url">Downloads the original (full resolution, metadata stripped) until <paramref name="ExpiresAt"/>; send no token with it.</param>
/// <param name="ExpiresAt">When the link stops working: ask again for a new one.</param>
/// <param name="FileName">The name the download is saved under.</param>
/// <param name="ContentType">The original's media type.</param>
/// <param name="Bytes">The original's size.</param>
/// <param name="Width">In pixels, for an image.</param>
/// <param name="Height">In pixels, for an image.</param>
public sealed record Response(
    string Url,
    DateTime ExpiresAt,
    string FileName,
    string ContentType,
    long Bytes,
    int? Width,
    int? Height
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            "/originals/private/artworks/0193a5c27d1e7c4a9f002b6de1a0c001.jpg?name=lantern-over-the-harbor.jpg&expires=1796212800&signature=q3Jx0fV9s8mC1u2YtK5r7Zb4nLwA6eHdPoQiRjS1TgU",
            new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc),
            "lantern-over-the-harbor.jpg",
            "image/jpeg",
            2_481_337,
            3200,
            2400
        );
}
