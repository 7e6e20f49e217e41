using System.Linq.Expressions;
using ArtFolio.Domain;

namespace ArtFolio.Features.Artworks.List;

/// <summary>Where the previous page ended: the sort it belongs to, the last item's sort key and id.</summary>
public sealed record CursorKey(string Sort, long Key, Guid Id);

/// <summary>
/// The listing orders. Each sorts on one integer key then the id, and pages by seeking past the last
/// (key, id) seen, so items added while a client walks the pages neither repeat nor go missing.
/// </summary>
public sealed record Sort(string Name, bool Descending, Expression<Func<Artwork, long>> Key, Func<ArtworkResponse, long> KeyOf)
{
    // Unpriced artworks come last in both price orders.
    private const long NoPriceAscending = long.MaxValue;
    private const long NoPriceDescending = -1;

    public static readonly IReadOnlyDictionary<string, Sort> All = new[]
    {
        new Sort("newest", true, a => a.CreatedAt.Ticks, r => r.CreatedAt.Ticks),
        new Sort("oldest", false, a => a.CreatedAt.Ticks, r => r.CreatedAt.Ticks),
        new Sort("popular", true, a => a.LikeCount, r => r.LikeCount),
        new Sort("price_asc", false, a => a.PriceCents ?? NoPriceAscending, r => Money.ToCents(r.Price) ?? NoPriceAscending),
        new Sort("price_desc", true, a => a.PriceCents ?? NoPriceDescending, r => Money.ToCents(r.Price) ?? NoPriceDescending),
    }.ToDictionary(s => s.Name);

    public const string Default = "newest";

    public IOrderedQueryable<Artwork> Order(IQueryable<Artwork> artworks) =>
        Descending
            ? artworks.OrderByDescending(Key).ThenByDescending(a => a.Id)
            : artworks.OrderBy(Key).ThenBy(a => a.Id);

    /// <summary>Only the artworks after <paramref name="cursor"/> in this order.</summary>
    public IQueryable<Artwork> After(IQueryable<Artwork> artworks, CursorKey cursor)
    {
        // (key, id) beyond the cursor's (key, id): a.Key > k || (a.Key == k && a.Id > id), mirrored when descending.
        var a = Key.Parameters[0];
        var key = Key.Body;
        var k = Expression.Constant(cursor.Key);
        var idComparison = Expression.Call(
            Expression.Property(a, nameof(Artwork.Id)),
            typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!,
            Expression.Constant(cursor.Id)
        );
        var zero = Expression.Constant(0);
        var beyond = Descending
            ? Expression.OrElse(
                Expression.LessThan(key, k),
                Expression.AndAlso(Expression.Equal(key, k), Expression.LessThan(idComparison, zero))
            )
            : Expression.OrElse(
                Expression.GreaterThan(key, k),
                Expression.AndAlso(Expression.Equal(key, k), Expression.GreaterThan(idComparison, zero))
            );
        return artworks.Where(Expression.Lambda<Func<Artwork, bool>>(beyond, a));
    }
}
