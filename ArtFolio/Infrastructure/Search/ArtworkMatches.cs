using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Search;

public static class ArtworkMatches
{
    /// <summary>
    /// The best <paramref name="count"/> of <paramref name="matches"/>, best first, after
    /// <paramref name="after"/> (the last match of the previous page).
    /// </summary>
    public static Task<List<ArtworkMatch>> BestAsync(
        this IQueryable<ArtworkMatch> matches,
        (long Relevance, Guid Id)? after,
        int count,
        CancellationToken cancellationToken
    )
    {
        if (after is { } last)
            matches = matches.After(m => m.Relevance, m => m.ArtworkId, last.Relevance, last.Id, descending: true);
        return matches
            .OrderByDescending(m => m.Relevance)
            .ThenByDescending(m => m.ArtworkId)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The best <paramref name="count"/> matches read tier by tier, each newest first after the cursor's
    /// place in its own tier, stopping when the page is full: the shape both engines' unfiltered
    /// relevance takes. <paramref name="readTier"/> reads one tier, after a position when given.
    /// </summary>
    public static async Task<List<ArtworkMatch>> TierByTierAsync(
        (long Relevance, Guid Id)? after,
        int count,
        Func<SearchTier, (long Position, Guid Id)?, int, Task<List<ArtworkMatch>>> readTier
    )
    {
        var first = after is { } last ? Relevance.TierOf(last.Relevance) : SearchTier.Title;
        var best = new List<ArtworkMatch>(count);
        foreach (var tier in Relevance.From(first))
        {
            var resume =
                after is { } a && tier == first ? (Relevance.PositionOf(a.Relevance), a.Id) : ((long, Guid)?)null;
            best.AddRange(await readTier(tier, resume, count - best.Count));
            if (best.Count >= count)
                break;
        }
        return best;
    }
}
