using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Search;

/// <summary>
/// PostgreSQL text search over three stored, generated tsvectors with GIN indexes (English
/// configuration): <c>TitleVector</c>, <c>TitleTagsVector</c> and <c>SearchVector</c> (all three fields).
/// A tier is a match in its vector and not in the better tier's; the position within a tier is the
/// creation time in microseconds.
/// </summary>
/// <remarks>
/// A GIN index finds matches but cannot give them newest first, and the planner cannot tell a tier's
/// density (a title word's matches are nearly all in the title tier, so the tags tier looks dense and
/// is empty: read newest first, it would scan the table). So a tier is read in two steps of bounded
/// cost: the newest <see cref="Window"/> artworks after the cursor, filtered (a tier denser than one in
/// 200 fills a page there); failing that, every match of the tier's vector through its GIN index,
/// sorted (few, as the tier is sparse).
/// </remarks>
internal sealed class PostgresArtworkSearch : IArtworkSearch
{
    public const string Configuration = "english";

    /// <summary>How many of the newest artworks a tier is first looked for in.</summary>
    internal const int Window = 4000;

    private const string Position = """(extract(epoch FROM a."CreatedAt") * 1000000)::bigint""";

    public IQueryable<Guid> MatchingIds(AppDbContext db, SearchQuery query) =>
        db.Set<ArtworkMatch>()
            .FromSqlRaw(
                """
                SELECT a."Id" AS "ArtworkId", 0::bigint AS "Relevance"
                FROM artworks AS a WHERE a."SearchVector" @@ (SELECT to_tsquery('english', {0}))
                """,
                TsQuery(query)
            )
            .Select(m => m.ArtworkId);

    public IQueryable<ArtworkMatch> Matches(AppDbContext db, SearchQuery query) =>
        db.Set<ArtworkMatch>()
            .FromSqlRaw(
                $$"""
                SELECT a."Id" AS "ArtworkId",
                    CASE WHEN a."TitleVector" @@ (SELECT to_tsquery('english', {0})) THEN {2}
                         WHEN a."TitleTagsVector" @@ (SELECT to_tsquery('english', {0})) THEN {3}
                         ELSE {4} END + {{Position}} AS "Relevance"
                FROM artworks AS a WHERE a."SearchVector" @@ (SELECT to_tsquery('english', {1}))
                """,
                Required(query),
                TsQuery(query),
                Relevance.Of(SearchTier.Title, 0),
                Relevance.Of(SearchTier.TitleAndTags, 0),
                Relevance.Of(SearchTier.Anywhere, 0)
            );

    public async Task<List<ArtworkMatch>> BestAsync(
        AppDbContext db,
        SearchQuery query,
        (long Relevance, Guid Id)? after,
        int count,
        CancellationToken cancellationToken
    )
    {
        var prefixWords = await PrefixWordsAsync(db, query, cancellationToken);
        var required = prefixWords is null ? Required(query) : Required(query, withoutPrefix: true);
        var requiredSql = (required.Length > 0, prefixWords is not null) switch
        {
            (true, true) => "(SELECT to_tsquery('english', {0}) && to_tsquery('simple', {7}))",
            (false, true) => "(SELECT to_tsquery('simple', {7}))",
            _ => "(SELECT to_tsquery('english', {0}))",
        };
        return await ArtworkMatches.TierByTierAsync(
            after,
            count,
            async (tier, resume, wanted) =>
            {
                object[] parameters =
                [
                    required,
                    Excluded(query) ?? "",
                    Relevance.Of(tier, 0),
                    wanted,
                    DateTime.UnixEpoch.AddTicks((resume?.Position ?? 0) * TimeSpan.TicksPerMicrosecond),
                    resume?.Id ?? Guid.Empty,
                    Window,
                    prefixWords is null ? "" : string.Join(" | ", prefixWords.Select(w => $"'{w}'")),
                ];
                var condition = TierCondition(tier, requiredSql, Excluded(query) is not null, resume is not null);
                var newest = await Read(db, NewestSql(condition, resume is not null), parameters, cancellationToken);
                return newest.Count == wanted
                    ? newest
                    : await Read(db, IndexedSql(condition), parameters, cancellationToken);
            }
        );
    }

    /// <summary>The most words a typed prefix is expanded into; a shorter prefix is left to GIN.</summary>
    internal const int MaxPrefixWords = 64;

    /// <summary>
    /// The words a prefix typed last can be (<c>lan</c>: landscap, lantern), from the vocabulary of every
    /// lexeme indexed (<c>search_words</c>), or null to leave the prefix to GIN: when the last term is a
    /// phrase or not a prefix, or the prefix stems to more or less than one lexeme, or it starts more
    /// than <see cref="MaxPrefixWords"/> words. Exact words are found by GIN from their own postings;
    /// a prefix match gathers every posting of every word it starts (60,000 for <c>lan</c> at a million
    /// artworks) before it can intersect them with the other words.
    /// </summary>
    private static async Task<List<string>?> PrefixWordsAsync(
        AppDbContext db,
        SearchQuery query,
        CancellationToken cancellationToken
    )
    {
        if (query.Required[^1] is not { Prefix: true, Words: [var prefix] })
            return null;
        var words = await db
            .Database.SqlQueryRaw<string>(
                """
                SELECT w."Word" AS "Value"
                FROM search_words AS w, unnest(to_tsvector('english', {0})) AS stem
                WHERE (SELECT count(*) FROM unnest(to_tsvector('english', {0}))) = 1
                  AND w."Word" >= stem.lexeme AND w."Word" < stem.lexeme || chr(1114111)
                ORDER BY w."Word"
                LIMIT {1}
                """,
                prefix,
                MaxPrefixWords + 1
            )
            .ToListAsync(cancellationToken);
        return words.Count is > 0 and <= MaxPrefixWords ? words : null;
    }

    private static Task<List<ArtworkMatch>> Read(
        AppDbContext db,
        string sql,
        object[] parameters,
        CancellationToken cancellationToken
    ) => db.Set<ArtworkMatch>().FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(cancellationToken);

    // The SQL below is put together from constants only. Each query is a scalar subquery, which PostgreSQL
    // evaluates once (an InitPlan) where a bare to_tsquery would be parsed again for every row filtered.
    // {0} the required terms, {1} the excluded,
    // {2} the tier's relevance, {3} the page size, {4} and {5} the (CreatedAt, Id) to resume after,
    // {6} the window, {7} the words a prefix typed last can be (lexemes already: the simple configuration
    // leaves them as they are, where English would stem them again).

    /// <summary>A tier's condition on a row <c>a</c>.</summary>
    private static string TierCondition(SearchTier tier, string required, bool excludes, bool resumes) =>
        tier switch
        {
            SearchTier.Title => $"a.\"TitleVector\" @@ {required}",
            SearchTier.TitleAndTags => $"a.\"TitleTagsVector\" @@ {required} AND NOT a.\"TitleVector\" @@ {required}",
            _ => $"a.\"SearchVector\" @@ {required} AND NOT a.\"TitleTagsVector\" @@ {required}",
        }
        + (excludes ? """ AND NOT a."SearchVector" @@ (SELECT to_tsquery('english', {1}))""" : "")
        + (resumes ? """ AND (a."CreatedAt", a."Id") < ({4}, {5})""" : "");

    private const string Page = $$"""
        SELECT a."Id" AS "ArtworkId", {2} + {{Position}} AS "Relevance"
        """;

    /// <summary>The tier among the newest artworks (after the cursor), read down the (CreatedAt, Id) index.</summary>
    private static string NewestSql(string condition, bool resumes) =>
        Page
        + " FROM (SELECT * FROM artworks AS a"
        + (resumes ? """ WHERE (a."CreatedAt", a."Id") < ({4}, {5})""" : "")
        + """ ORDER BY a."CreatedAt" DESC, a."Id" DESC LIMIT {6}) AS a WHERE """
        + condition
        + """ ORDER BY a."CreatedAt" DESC, a."Id" DESC LIMIT {3}""";

    /// <summary>Every match of the tier through its vector's GIN index (materialized: never a walk of the table).</summary>
    private static string IndexedSql(string condition) =>
        """WITH tier AS MATERIALIZED (SELECT a."Id", a."CreatedAt" FROM artworks AS a WHERE """
        + condition
        + ") "
        + Page
        + """ FROM tier AS a ORDER BY a."CreatedAt" DESC, a."Id" DESC LIMIT {3}""";

    /// <summary>
    /// <c>to_tsquery</c>'s syntax, built from parsed words only: each word a quoted lexeme (stemmed by
    /// the English configuration), phrases joined by <c>&lt;-&gt;</c>, a prefix marked <c>:*</c>, terms by
    /// <c>&amp;</c>, exclusions by <c>&amp; !</c>. (websearch_to_tsquery has no prefix, which typing needs.)
    /// </summary>
    internal static string TsQuery(SearchQuery query) =>
        string.Join(" & ", query.Excluded.Select(t => $"!{Term(t)}").Prepend(Required(query)));

    internal static string Required(SearchQuery query, bool withoutPrefix = false) =>
        string.Join(" & ", (withoutPrefix ? query.Required.SkipLast(1) : query.Required).Select(Term));

    /// <summary>Any of the excluded terms, or null when there are none.</summary>
    internal static string? Excluded(SearchQuery query) =>
        query.Excluded.Count == 0 ? null : string.Join(" | ", query.Excluded.Select(Term));

    private static string Term(SearchTerm term) =>
        "("
        + string.Join(
            " <-> ",
            term.Words.Select((w, i) => $"'{w}'{(term.Prefix && i == term.Words.Count - 1 ? ":*" : "")}")
        )
        + ")";
}
