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
