using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Artworks;

/// <summary>Where the previous page ended: the sort it belongs to, the last item's sort key (as a long) and id.</summary>
public sealed record ArtworkCursor(string Sort, long Key, Guid Id);

/// <summary>
/// A listing order: one key column then the id, paged by seeking past the last (key, id) seen, so
/// items added while a client walks the pages neither repeat nor go missing.
/// </summary>
public abstract record ArtworkSort(string Name, bool Descending)
{
    // Unpriced artworks come last in both price orders.
    private const long NoPriceAscending = long.MaxValue;
    private const long NoPriceDescending = -1;

    public const string Default = "newest";

    public static readonly IReadOnlyDictionary<string, ArtworkSort> All = new[]
    {
        ByCreation("newest", descending: true),
        ByCreation("oldest", descending: false),
        new By<int>(
            "popular",
            true,
            a => a.LikeCount,
            r => r.LikeCount,
            n => n,
            k => (int)k,
            k => k is >= 0 and <= int.MaxValue
        ),
        ByPrice("price_asc", descending: false, NoPriceAscending),
        ByPrice("price_desc", descending: true, NoPriceDescending),
    }.ToDictionary(s => s.Name);

    /// <summary>Whether a decoded cursor belongs to this sort and holds a key it can seek on.</summary>
    public abstract bool Accepts(ArtworkCursor cursor);

    // Times seek on the column itself (the database compares its own representation); the cursor carries ticks.
    private static ArtworkSort ByCreation(string name, bool descending) =>
        new By<DateTime>(
            name,
            descending,
            a => a.CreatedAt,
            r => r.CreatedAt,
            t => t.Ticks,
            k => new DateTime(k, DateTimeKind.Utc),
            k => k >= DateTime.MinValue.Ticks && k <= DateTime.MaxValue.Ticks
        );

    private static ArtworkSort ByPrice(string name, bool descending, long noPrice) =>
        new By<long>(
            name,
            descending,
            a => a.PriceCents ?? noPrice,
            r => Money.ToCents(r.Price) ?? noPrice,
            n => n,
            k => k,
            _ => true
        );

    public abstract IOrderedQueryable<Artwork> Order(IQueryable<Artwork> artworks);

    /// <summary>Only the artworks after <paramref name="cursor"/> in this order.</summary>
    public abstract IQueryable<Artwork> After(IQueryable<Artwork> artworks, ArtworkCursor cursor);

    public abstract ArtworkCursor CursorAfter(ArtworkResponse last);

    private sealed record By<TKey>(
        string Name,
        bool Descending,
        Expression<Func<Artwork, TKey>> Key,
        Func<ArtworkResponse, TKey> KeyOf,
        Func<TKey, long> ToCursor,
        Func<long, TKey> FromCursor,
        Func<long, bool> IsValidKey
    ) : ArtworkSort(Name, Descending)
    {
        public override bool Accepts(ArtworkCursor cursor) => cursor.Sort == Name && IsValidKey(cursor.Key);

        public override IOrderedQueryable<Artwork> Order(IQueryable<Artwork> artworks) =>
            Descending
                ? artworks.OrderByDescending(Key).ThenByDescending(a => a.Id)
                : artworks.OrderBy(Key).ThenBy(a => a.Id);

        public override ArtworkCursor CursorAfter(ArtworkResponse last) => new(Name, ToCursor(KeyOf(last)), last.Id);

        public override IQueryable<Artwork> After(IQueryable<Artwork> artworks, ArtworkCursor cursor)
        {
            // key <= k && (key < k || id < i), mirrored when ascending: the same rows as
            // key < k || (key == k && id < i), written so that the first term bounds an index range even
            // in a plan made before the values are known (PostgreSQL's generic plan for a prepared
            // statement would otherwise scan the index from the top: page 100 took 7 times page 1).
            // Guid.CompareTo becomes a plain comparison of the id column in SQL.
            var a = Key.Parameters[0];
            var key = Key.Body;
            var k = QueryParameter.Of(FromCursor(cursor.Key));
            var idOrder = Expression.Call(
                Expression.Property(a, nameof(Artwork.Id)),
                typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!,
                QueryParameter.Of(cursor.Id)
            );
            var zero = Expression.Constant(0);
            var beyond = Descending
                ? Expression.AndAlso(
                    Expression.LessThanOrEqual(key, k),
                    Expression.OrElse(Expression.LessThan(key, k), Expression.LessThan(idOrder, zero))
                )
                : Expression.AndAlso(
                    Expression.GreaterThanOrEqual(key, k),
                    Expression.OrElse(Expression.GreaterThan(key, k), Expression.GreaterThan(idOrder, zero))
                );
            return artworks.Where(Expression.Lambda<Func<Artwork, bool>>(beyond, a));
        }
    }
}
