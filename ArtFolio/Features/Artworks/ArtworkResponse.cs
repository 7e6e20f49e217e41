using System.Linq.Expressions;
using System.Text.Json.Serialization;
using ArtFolio.Domain;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Artworks;

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
    UserBadge Artist,
    int LikeCount,
    int CommentCount,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool IsOwner,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? LikedByMe
)
{
    /// <summary>
    /// The version of this answer for conditional GET: every edit moves <see cref="UpdatedAt"/>; the
    /// counters, the artist's badge and the caller's own view change without it.
    /// </summary>
    public string Version() =>
        ConditionalGet.Version(Id, UpdatedAt.Ticks, LikeCount, CommentCount, Artist, IsOwner, LikedByMe);

    /// <summary>
    /// The projection every artworks query uses: artist and tags come in the same SQL query as the
    /// artwork, so a page costs one query whatever its size.
    /// </summary>
    /// <remarks><c>likedByMe</c> is there only for a caller with a token: an EXISTS in the same query.</remarks>
    public static Expression<Func<Artwork, ArtworkResponse>> Projection(AppDbContext db, Guid? callerId) =>
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
            new UserBadge(a.Artist.Username, a.Artist.DisplayName, a.Artist.AvatarUrl),
            a.LikeCount,
            a.CommentCount,
            a.CreatedAt,
            a.UpdatedAt,
            a.ArtistId == callerId,
            callerId == null ? null : db.Likes.Any(l => l.ArtworkId == a.Id && l.UserId == callerId)
        );
}
