using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using ArtFolio.Domain;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.OpenApi;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks;

/// <summary>
/// An artwork as every artworks endpoint returns it. <c>imageUrl</c> is the widest public rendition of an
/// image (a video's file itself); the original is its artist's only (<c>GET /artworks/{id}/original</c>).
/// </summary>
/// <param name="Id">The artwork's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">Its description, if any.</param>
/// <param name="Price">Its price, if it has one, in <c>currency</c>.</param>
/// <param name="Currency">The deployment's currency (ISO 4217, lower-case) when it has a price.</param>
/// <param name="ForSale">Whether it can be bought now: priced at 0.50 or more, sales not stopped by its artist, not sold out.</param>
/// <param name="EditionSize">How many copies may be sold; null for unlimited.</param>
/// <param name="Sold">Copies sold (refunds given back); never who bought them.</param>
/// <param name="SoldOut">Whether every copy of a limited edition is sold.</param>
/// <param name="Category">Its category, as the artist wrote it.</param>
/// <param name="Tags">Its tags, lower-case, in alphabetical order.</param>
/// <param name="ImageUrl">An image's widest public rendition (since 2026-12-03; before, the original as uploaded); a video's file.</param>
/// <param name="ThumbnailUrl">A WebP at most 400 pixels on its longer side (a video's first frame on Cloudinary).</param>
/// <param name="Images">The image's public renditions, narrowest first, for <c>srcset</c>: never wider than the original; empty for a video.</param>
/// <param name="Placeholder">A tiny blurred WebP as a data URI (a few hundred bytes) to show while the image loads; null for a video.</param>
/// <param name="DominantColor">The image's average colour (<c>#rrggbb</c>), for a background while it loads; null for a video.</param>
/// <param name="Width">The original's width in pixels.</param>
/// <param name="Height">The original's height in pixels.</param>
/// <param name="MediaType"><c>image</c> or <c>video</c>.</param>
/// <param name="ContentType">The original's media type.</param>
/// <param name="Bytes">The original's size.</param>
/// <param name="Artist">Who made it.</param>
/// <param name="LikeCount">How many people like it.</param>
/// <param name="CommentCount">How many comments it has.</param>
/// <param name="CreatedAt">When it was uploaded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="IsOwner">Whether the caller is its artist.</param>
/// <param name="LikedByMe">Whether the caller likes it; only with a token.</param>
public sealed record ArtworkResponse(
    Guid Id,
    string Title,
    string? Description,
    decimal? Price,
    string? Currency,
    bool ForSale,
    int? EditionSize,
    int Sold,
    bool SoldOut,
    string Category,
    IReadOnlyList<string> Tags,
    string ImageUrl,
    string ThumbnailUrl,
    IReadOnlyList<PublicImage> Images,
    string? Placeholder,
    string? DominantColor,
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
) : IHasExample<ArtworkResponse>
{
    public static ArtworkResponse Example { get; } =
        new(
            Guid.Parse("0193a5c2-7d1e-7c4a-9f00-2b6de1a0c001"),
            "Lantern over the harbor",
            "Oil on linen, painted on the quay at dusk.",
            1250.00m,
            "usd",
            true,
            25,
            3,
            false,
            "Painting",
            ["dusk", "harbor", "oil"],
            "/media/artworks/r/0193a5c27d1e7c4a9f002b6de1a0c001-2400-9c1f0e27d45ab318.webp",
            "/media/artworks/thumbs/0193a5c27d1e7c4a9f002b6de1a0c001.webp",
            [
                new(
                    480,
                    360,
                    "image/webp",
                    "/media/artworks/r/0193a5c27d1e7c4a9f002b6de1a0c001-480-5be0a1c2d3e4f501.webp"
                ),
                new(
                    960,
                    720,
                    "image/webp",
                    "/media/artworks/r/0193a5c27d1e7c4a9f002b6de1a0c001-960-77aa01b2c3d4e5f6.webp"
                ),
                new(
                    1600,
                    1200,
                    "image/webp",
                    "/media/artworks/r/0193a5c27d1e7c4a9f002b6de1a0c001-1600-0f1e2d3c4b5a6978.webp"
                ),
                new(
                    2400,
                    1800,
                    "image/webp",
                    "/media/artworks/r/0193a5c27d1e7c4a9f002b6de1a0c001-2400-9c1f0e27d45ab318.webp"
                ),
            ],
            "data:image/webp;base64,UklGRkQAAABXRUJQVlA4IDgAAADQAQCdASoQAAwAAUAmJaQAA3AA/v89WAAAAA==",
            "#6b5a48",
            3200,
            2400,
            "image",
            "image/jpeg",
            2_481_337,
            UserBadge.Example,
            42,
            3,
            new DateTime(2026, 11, 20, 18, 4, 0, DateTimeKind.Utc),
            new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc),
            false,
            null
        );

    /// <summary>
    /// The version of this answer for conditional GET: every edit moves <see cref="UpdatedAt"/>; the
    /// counters, the artist's badge and the caller's own view change without it.
    /// </summary>
    public string Version() =>
        ConditionalGet.Version(Id, UpdatedAt.Ticks, LikeCount, CommentCount, Sold, Artist, IsOwner, LikedByMe);

    // Declared before the compiled query below, which is built from it when the type initialises.
    private static readonly Expression<Func<AppDbContext, Guid?, Artwork, ArtworkResponse>> Template = (
        db,
        callerId,
        a
    ) =>
        new ArtworkResponse(
            a.Id,
            a.Title,
            a.Description,
            Money.FromCents(a.PriceCents),
            a.PriceCents == null ? null : Money.Currency,
            a.PriceCents >= Money.MinimumSaleCents
                && !a.SalesStopped
                && (a.EditionSize == null || a.SoldCount < a.EditionSize),
            a.EditionSize,
            a.SoldCount,
            a.EditionSize != null && a.SoldCount >= a.EditionSize,
            a.Category,
            a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            a.ImageUrl,
            a.ThumbnailUrl,
            PublicImage.From(a.Renditions), // in memory, from the column
            a.Placeholder,
            a.DominantColor,
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

    /// <summary>
    /// The projection every artworks query uses: artist and tags come in the same SQL query as the
    /// artwork, so a page costs one query whatever its size.
    /// </summary>
    /// <remarks><c>likedByMe</c> is there only for a caller with a token: an EXISTS in the same query.</remarks>
    public static Expression<Func<Artwork, ArtworkResponse>> Projection(AppDbContext db, Guid? callerId) =>
        Expression.Lambda<Func<Artwork, ArtworkResponse>>(
            Substitute(
                Template.Body,
                Template.Parameters[0],
                Expression.Constant(db),
                Template.Parameters[1],
                QueryParameter.Of(callerId)
            ),
            Template.Parameters[2]
        );

    /// <summary>
    /// One artwork by id, as a compiled query: the by-id read is the most frequent of all, and a
    /// compiled query skips building and looking up the LINQ tree on every request. One per context
    /// type, as a compiled query belongs to the model (the database) it first ran against.
    /// </summary>
    /// <remarks>
    /// A filter on the key rather than <c>FirstOrDefault</c>: the id is unique either way, and without the
    /// LIMIT the SQL is one flat join instead of a subquery joined to the tags, which SQLite compiles on
    /// every execution.
    /// </remarks>
    public static async Task<ArtworkResponse?> ByIdAsync(AppDbContext db, Guid id, Guid? callerId)
    {
        var query = ByIdQueries.GetOrAdd(db.GetType(), _ => EF.CompileAsyncQuery(BuildById()));
        await foreach (var artwork in query(db, id, callerId))
            return artwork;
        return null;
    }

    private static readonly ConcurrentDictionary<
        Type,
        Func<AppDbContext, Guid, Guid?, IAsyncEnumerable<ArtworkResponse>>
    > ByIdQueries = new();

    private static Expression<Func<AppDbContext, Guid, Guid?, IQueryable<ArtworkResponse>>> BuildById()
    {
        var db = Expression.Parameter(typeof(AppDbContext), "db");
        var id = Expression.Parameter(typeof(Guid), "id");
        var callerId = Expression.Parameter(typeof(Guid?), "callerId");
        var x = Expression.Parameter(typeof(Artwork), "x");
        var artworks = Expression.Property(db, nameof(AppDbContext.Artworks));
        var where = Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Where),
            [typeof(Artwork)],
            artworks,
            Expression.Quote(Expression.Lambda(Expression.Equal(Expression.Property(x, nameof(Artwork.Id)), id), x))
        );
        var projection = Expression.Lambda(
            Substitute(Template.Body, Template.Parameters[0], db, Template.Parameters[1], callerId),
            Template.Parameters[2]
        );
        var select = Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Select),
            [typeof(Artwork), typeof(ArtworkResponse)],
            where,
            Expression.Quote(projection)
        );
        return Expression.Lambda<Func<AppDbContext, Guid, Guid?, IQueryable<ArtworkResponse>>>(
            select,
            db,
            id,
            callerId
        );
    }

    private static Expression Substitute(
        Expression body,
        ParameterExpression a,
        Expression forA,
        ParameterExpression b,
        Expression forB
    ) => new Substitution(new Dictionary<ParameterExpression, Expression> { [a] = forA, [b] = forB }).Visit(body);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            map.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
