using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Infrastructure.Search;

/// <summary>
/// Full-text search over artworks' titles, tags and descriptions, each database with its own engine
/// (SQLite FTS5, PostgreSQL text search); the slices compose the matches with LINQ and never ask which.
/// Relevance is the tier of a match (<see cref="SearchTier"/>), then newest first.
/// </summary>
public interface IArtworkSearch
{
    /// <summary>The ids of the artworks matching <paramref name="query"/>, unranked, to filter another order by.</summary>
    IQueryable<Guid> MatchingIds(AppDbContext db, SearchQuery query);

    /// <summary>The matches of <paramref name="query"/> with their relevance, as a query to join with artworks.</summary>
    IQueryable<ArtworkMatch> Matches(AppDbContext db, SearchQuery query);

    /// <summary>
    /// The best <paramref name="count"/> matches among all artworks (no other filter), best first,
    /// after <paramref name="after"/> (the last match of the previous page): each tier is read newest
    /// first from the index and the reading stops when the page is full.
    /// </summary>
    Task<List<ArtworkMatch>> BestAsync(
        AppDbContext db,
        SearchQuery query,
        (long Relevance, Guid Id)? after,
        int count,
        CancellationToken cancellationToken
    );
}
