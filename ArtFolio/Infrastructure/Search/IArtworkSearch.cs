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
}
