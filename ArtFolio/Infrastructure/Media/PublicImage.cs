using ArtFolio.Domain;

namespace ArtFolio.Infrastructure.Media;

/// <summary>One public rendition of an image (an artwork's or an avatar's), for <c>srcset</c>.</summary>
/// <param name="Width">In pixels.</param>
/// <param name="Height">In pixels.</param>
/// <param name="Url">Content-addressed: it never changes, and is cached for a year.</param>
/// <param name="Type">Its media type (<c>image/webp</c>).</param>
public sealed record PublicImage(int Width, int Height, string Url, string Type)
{
    public static IReadOnlyList<PublicImage> From(IReadOnlyList<Rendition> renditions) =>
        [.. renditions.Select(r => new PublicImage(r.Width, r.Height, r.Url, r.Type))];
}
