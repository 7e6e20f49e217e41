using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Search;

/// <summary>
/// PostgreSQL text search: artworks' stored, generated <c>SearchVector</c> (the title weighted A, the
/// tags B, the description C, English configuration) under a GIN index; rank is <c>ts_rank</c> with
/// its default weights (A 1.0, B 0.4, C 0.2).
/// </summary>
internal sealed class PostgresArtworkSearch : IArtworkSearch
{
    public const string Configuration = "english";

    public IQueryable<ArtworkMatch> Matches(AppDbContext db, SearchQuery query) =>
        db.Set<ArtworkMatch>()
            .FromSqlRaw(
                """
                SELECT a."Id" AS "ArtworkId", ts_rank(a."SearchVector", q)::float8 AS "Rank"
                FROM artworks AS a, to_tsquery('english', {0}) AS q
                WHERE a."SearchVector" @@ q
                """,
                TsQuery(query)
            );

    /// <summary>Ranked in one statement with the artworks it reads anyway (the vector is in their rows).</summary>
    public Task<List<ArtworkMatch>> BestAsync(
        AppDbContext db,
        SearchQuery query,
        (double Rank, Guid Id)? after,
        int count,
        CancellationToken cancellationToken
    ) => Matches(db, query).BestAsync(after, count, cancellationToken);

    /// <summary>
    /// <c>to_tsquery</c>'s syntax, built from parsed words only: each word a quoted lexeme (stemmed by
    /// the English configuration), phrases joined by <c>&lt;-&gt;</c>, a prefix marked <c>:*</c>, terms by
    /// <c>&amp;</c>, exclusions by <c>&amp; !</c>. (websearch_to_tsquery has no prefix, which typing needs.)
    /// </summary>
    internal static string TsQuery(SearchQuery query)
    {
        static string Term(SearchTerm term) =>
            "("
            + string.Join(
                " <-> ",
                term.Words.Select((w, i) => $"'{w}'{(term.Prefix && i == term.Words.Count - 1 ? ":*" : "")}")
            )
            + ")";
        return string.Join(" & ", query.Required.Select(Term).Concat(query.Excluded.Select(t => $"!{Term(t)}")));
    }
}
