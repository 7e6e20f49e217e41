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
    // Unpriced artworks come last in both price orders (Artwork.PriceAscKey, PriceDescKey).
    private const long NoPriceAscending = long.MaxValue;
    private const long NoPriceDescending = -1;

    public const string Default = "newest";

    /// <summary>Best match first (then newest): the default when there is a search, and only then.</summary>
    public const string Relevance = "relevance";

    /// <summary>Every order a client may ask for.</summary>
    public static IEnumerable<string> Names => [.. All.Keys, Relevance];

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
        ByPrice("price_asc", descending: false, a => a.PriceAscKey, NoPriceAscending),
        ByPrice("price_desc", descending: true, a => a.PriceDescKey, NoPriceDescending),
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

    private static ArtworkSort ByPrice(
        string name,
        bool descending,
        Expression<Func<Artwork, long>> key,
        long noPrice
    ) => new By<long>(name, descending, key, r => Money.ToCents(r.Price) ?? noPrice, n => n, k => k, _ => true);

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

        public override IQueryable<Artwork> After(IQueryable<Artwork> artworks, ArtworkCursor cursor) =>
            artworks.After(Key, a => a.Id, FromCursor(cursor.Key), cursor.Id, Descending);
    }
}

/// <summary>
/// The relevance order's cursor: the last item's relevance (its tier and its place in the engine's newest-first
/// order, <see cref="Infrastructure.Search.Relevance"/>) as the key, and its id.
/// </summary>
public static class RelevanceCursor
{
    public static ArtworkCursor Of(long relevance, Guid id) => new(ArtworkSort.Relevance, relevance, id);

    public static bool Accepts(ArtworkCursor cursor) =>
        cursor.Sort == ArtworkSort.Relevance && Infrastructure.Search.Relevance.IsValid(cursor.Key);
}
