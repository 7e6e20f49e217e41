using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Media;

namespace ArtFolio.Features.Artworks;

/// <summary>The artist as an artwork shows them.</summary>
public sealed record ArtistSummary(string Username, string? DisplayName, string? AvatarUrl);

/// <summary>An artwork as every artworks endpoint returns it.</summary>
public sealed record ArtworkResponse(
    Guid Id,
    string Title,
    string? Description,
    decimal? Price,
    string Category,
    IReadOnlyList<string> Tags,
    string ImageUrl,
    string ThumbnailUrl,
    int? Width,
    int? Height,
    string MediaType,
    string ContentType,
    long Bytes,
    ArtistSummary Artist,
    int LikeCount,
    int CommentCount,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool IsOwner
)
{
    /// <summary>
    /// The projection every artworks query uses: artist and tags come in the same SQL query as the
    /// artwork, so a page costs one query whatever its size.
    /// </summary>
    public static Expression<Func<Artwork, ArtworkResponse>> Projection(Guid? callerId) =>
        a => new ArtworkResponse(
            a.Id,
            a.Title,
            a.Description,
            Money.FromCents(a.PriceCents),
            a.Category,
            a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            a.ImageUrl,
            a.ThumbnailUrl,
            a.Width,
            a.Height,
            a.MediaKind == MediaKind.Image ? "image" : "video",
            a.ContentType,
            a.Bytes,
            new ArtistSummary(a.Artist.Username, a.Artist.DisplayName, a.Artist.AvatarUrl),
            a.LikeCount,
            a.CommentCount,
            a.CreatedAt,
            a.UpdatedAt,
            a.ArtistId == callerId
        );
}
