namespace ArtFolio.Infrastructure.Search;

/// <summary>
/// An artwork a search found and how well it matched, as one number that orders matches best first:
/// its tier (<see cref="SearchTier"/>) then its place in the engine's newest-first order.
/// </summary>
public sealed class ArtworkMatch
{
    public Guid ArtworkId { get; init; }

    /// <summary><c>tier * TierSpan + position</c>: higher is better.</summary>
    public long Relevance { get; init; }
}

/// <summary>
/// Where the words were found: every required word in the title, or in the title and the tags together,
/// or anywhere (the description too). A better tier always ranks first; within a tier the newer artwork
/// does. Tiers, unlike BM25 or ts_rank, can be read newest first from the index and stop at a page.
/// </summary>
public enum SearchTier
{
    Anywhere = 1,
    TitleAndTags = 2,
    Title = 3,
}

public static class Relevance
{
    /// <summary>Room for a position: SQLite rowids, and microseconds since 1970 until the year 2112.</summary>
    public const long TierSpan = 1L << 52;

    public static long Of(SearchTier tier, long position) => (long)tier * TierSpan + position;

    public static SearchTier TierOf(long relevance) => (SearchTier)(relevance / TierSpan);

    public static long PositionOf(long relevance) => relevance % TierSpan;

    /// <summary>Whether a cursor's relevance could have come from a match.</summary>
    public static bool IsValid(long relevance) =>
        relevance >= Of(SearchTier.Anywhere, 0) && relevance < Of(SearchTier.Title + 1, 0);

    /// <summary>The tiers from <paramref name="first"/> down to the weakest.</summary>
    public static IEnumerable<SearchTier> From(SearchTier first) =>
        Enumerable.Range(1, (int)first).Reverse().Select(t => (SearchTier)t);
}
