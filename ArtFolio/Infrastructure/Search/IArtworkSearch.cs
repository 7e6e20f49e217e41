using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Infrastructure.Search;

/// <summary>
/// Full-text search over artworks' titles, tags and descriptions, each database with its own engine
/// (SQLite FTS5, PostgreSQL text search); the slices compose the matches with LINQ and never ask which.
/// Ranks weigh the title over the tags over the description.
/// </summary>
public interface IArtworkSearch
{
    /// <summary>The matches of <paramref name="query"/>, as a query to join with artworks.</summary>
    IQueryable<ArtworkMatch> Matches(AppDbContext db, SearchQuery query);

    /// <summary>
    /// The best <paramref name="count"/> matches among all artworks (no other filter), best first,
    /// after <paramref name="after"/> (the last match of the previous page): each engine may rank
    /// without reading every match's artwork.
    /// </summary>
    Task<List<ArtworkMatch>> BestAsync(
        AppDbContext db,
        SearchQuery query,
        (double Rank, Guid Id)? after,
        int count,
        CancellationToken cancellationToken
    );
}
