using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Search;

public static class ArtworkMatches
{
    /// <summary>
    /// The best <paramref name="count"/> of <paramref name="matches"/>, best first and newest first among
    /// equals, after <paramref name="after"/> (the last match of the previous page).
    /// </summary>
    public static Task<List<ArtworkMatch>> BestAsync(
        this IQueryable<ArtworkMatch> matches,
        (double Rank, Guid Id)? after,
        int count,
        CancellationToken cancellationToken
    )
    {
        if (after is { } last)
            matches = matches.After(m => m.Rank, m => m.ArtworkId, last.Rank, last.Id, descending: true);
        return matches
            .OrderByDescending(m => m.Rank)
            .ThenByDescending(m => m.ArtworkId)
            .Take(count)
            .ToListAsync(cancellationToken);
    }
}
