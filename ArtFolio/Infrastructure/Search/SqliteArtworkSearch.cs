using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Search;

/// <summary>
/// SQLite FTS5: <c>artworks_fts</c>, an external-content index of artworks' Title, TagText and
/// Description (porter stemming over unicode61, diacritics folded) that triggers keep in step with
/// the table (see the migration AddFullTextSearch). Rank is BM25 with the title weighing 10, tags 4
/// and the description 1, negated so that higher is better.
/// </summary>
internal sealed class SqliteArtworkSearch : IArtworkSearch
{
    public IQueryable<ArtworkMatch> Matches(AppDbContext db, SearchQuery query) =>
        db.Set<ArtworkMatch>()
            .FromSqlRaw(
                """
                SELECT a."Id" AS "ArtworkId", -bm25(artworks_fts, 10.0, 4.0, 1.0) AS "Rank"
                FROM artworks_fts JOIN artworks AS a ON a.rowid = artworks_fts.rowid
                WHERE artworks_fts MATCH {0}
                """,
                MatchExpression(query)
            );

    /// <summary>
    /// Ranked inside FTS5 and ordered by (rank, rowid), then only the page's rows are read from artworks
    /// for their ids: joining every match to its row first cost as much as ranking them. The cursor's
    /// artwork is found by its id; ties fall to the newer row.
    /// </summary>
    public Task<List<ArtworkMatch>> BestAsync(
        AppDbContext db,
        SearchQuery query,
        (double Rank, Guid Id)? after,
        int count,
        CancellationToken cancellationToken
    ) =>
        db.Set<ArtworkMatch>()
            .FromSqlRaw(
                """
                SELECT a."Id" AS "ArtworkId", best.rank AS "Rank"
                FROM (
                    SELECT rowid, rank FROM (
                        SELECT rowid, -bm25(artworks_fts, 10.0, 4.0, 1.0) AS rank
                        FROM artworks_fts WHERE artworks_fts MATCH {0}
                    )
                    WHERE {1} = 0 OR rank < {2}
                       OR (rank = {2} AND rowid < (SELECT rowid FROM artworks WHERE "Id" = {3}))
                    ORDER BY rank DESC, rowid DESC
                    LIMIT {4}
                ) AS best
                JOIN artworks AS a ON a.rowid = best.rowid
                ORDER BY best.rank DESC, best.rowid DESC
                """,
                MatchExpression(query),
                after is null ? 0 : 1,
                after?.Rank ?? 0,
                after?.Id ?? Guid.Empty,
                count
            )
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>
    /// FTS5's query syntax, built from parsed words only: each term a quoted string (a phrase when it has
    /// several words), <c>*</c> for a prefix, joined by AND, exclusions by NOT.
    /// </summary>
    internal static string MatchExpression(SearchQuery query)
    {
        static string Term(SearchTerm term) => $"\"{string.Join(' ', term.Words)}\"{(term.Prefix ? "*" : "")}";
        var required = $"({string.Join(" AND ", query.Required.Select(Term))})";
        return string.Concat(required, string.Concat(query.Excluded.Select(t => $" NOT {Term(t)}")));
    }
}
