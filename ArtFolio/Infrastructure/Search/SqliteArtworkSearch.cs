using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Search;

/// <summary>
/// SQLite FTS5: <c>artworks_fts</c>, an external-content index of artworks' Title, TagText and
/// Description (porter stemming over unicode61, diacritics folded) that triggers keep in step with
/// the table (see the migration AddFullTextSearch). A tier is a column filter; the position within a
/// tier is the artwork's rowid, the order it was added in, which FTS5 reads backwards and stops at a
/// LIMIT.
/// </summary>
internal sealed class SqliteArtworkSearch : IArtworkSearch
{
    public IQueryable<Guid> MatchingIds(AppDbContext db, SearchQuery query) =>
        db.Set<ArtworkMatch>()
            .FromSqlRaw(
                """
                SELECT a."Id" AS "ArtworkId", 0 AS "Relevance"
                FROM artworks_fts JOIN artworks AS a ON a.rowid = artworks_fts.rowid
                WHERE artworks_fts MATCH {0}
                """,
                MatchExpression(query)
            )
            .Select(m => m.ArtworkId);

    /// <summary>Each tier's matches (the tiers exclude each other), with the tier and rowid as relevance.</summary>
    public IQueryable<ArtworkMatch> Matches(AppDbContext db, SearchQuery query) =>
        db.Set<ArtworkMatch>()
            .FromSqlRaw(
                """
                SELECT a."Id" AS "ArtworkId", m.tier * {3} + m.rowid AS "Relevance"
                FROM (
                    SELECT rowid, 3 AS tier FROM artworks_fts WHERE artworks_fts MATCH {0}
                    UNION ALL SELECT rowid, 2 FROM artworks_fts WHERE artworks_fts MATCH {1}
                    UNION ALL SELECT rowid, 1 FROM artworks_fts WHERE artworks_fts MATCH {2}
                ) AS m
                JOIN artworks AS a ON a.rowid = m.rowid
                """,
                TierExpression(query, SearchTier.Title),
                TierExpression(query, SearchTier.TitleAndTags),
                TierExpression(query, SearchTier.Anywhere),
                Relevance.TierSpan
            );

    public Task<List<ArtworkMatch>> BestAsync(
        AppDbContext db,
        SearchQuery query,
        (long Relevance, Guid Id)? after,
        int count,
        CancellationToken cancellationToken
    ) =>
        ArtworkMatches.TierByTierAsync(
            after,
            count,
            (tier, resume, wanted) =>
                db.Set<ArtworkMatch>()
                    .FromSqlRaw(
                        // The rowid range and the order are FTS5's own: it walks the index backwards and stops.
                        """
                        SELECT a."Id" AS "ArtworkId", {1} + page.rowid AS "Relevance"
                        FROM (
                            SELECT rowid FROM artworks_fts
                            WHERE artworks_fts MATCH {0} AND rowid < {2}
                            ORDER BY rowid DESC LIMIT {3}
                        ) AS page
                        JOIN artworks AS a ON a.rowid = page.rowid
                        ORDER BY page.rowid DESC
                        """,
                        TierExpression(query, tier),
                        Relevance.Of(tier, 0),
                        resume?.Position ?? long.MaxValue,
                        wanted
                    )
                    .AsNoTracking()
                    .ToListAsync(cancellationToken)
        );

    /// <summary>
    /// FTS5's query syntax, built from parsed words only: each term a quoted string (a phrase when it has
    /// several words), <c>*</c> for a prefix, joined by AND, exclusions by NOT.
    /// </summary>
    internal static string MatchExpression(SearchQuery query) => WithExclusions(query, Required(query));

    /// <summary>
    /// The matches of one tier and of no better one: a column filter over the required terms, less the
    /// better tier's filter.
    /// </summary>
    internal static string TierExpression(SearchQuery query, SearchTier tier)
    {
        var required = Required(query);
        var inTitle = $"{{Title}} : {required}";
        var inTitleOrTags = $"{{Title TagText}} : {required}";
        return WithExclusions(
            query,
            tier switch
            {
                SearchTier.Title => $"({inTitle})",
                SearchTier.TitleAndTags => $"(({inTitleOrTags}) NOT ({inTitle}))",
                _ => $"({required} NOT ({inTitleOrTags}))",
            }
        );
    }

    private static string Term(SearchTerm term) => $"\"{string.Join(' ', term.Words)}\"{(term.Prefix ? "*" : "")}";

    private static string Required(SearchQuery query) => $"({string.Join(" AND ", query.Required.Select(Term))})";

    private static string WithExclusions(SearchQuery query, string expression) =>
        string.Concat(expression, string.Concat(query.Excluded.Select(t => $" NOT {Term(t)}")));
}
