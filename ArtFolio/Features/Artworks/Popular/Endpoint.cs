using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace ArtFolio.Features.Artworks.Popular;

public sealed class Endpoint(AppDbContext db, HybridCache cache, PopularOptions options, TimeProvider clock)
    : Endpoint<Query, Ok<Response>>
{
    public static readonly IReadOnlyDictionary<string, TimeSpan?> Periods = new Dictionary<string, TimeSpan?>
    {
        ["day"] = TimeSpan.FromDays(1),
        ["week"] = TimeSpan.FromDays(7),
        ["month"] = TimeSpan.FromDays(30),
        ["all"] = null,
    };

    public override void Configure()
    {
        Get("artworks/popular");
        AllowAnonymous();
        Summary(s =>
        {
            s.Summary = "The most liked artworks of a period";
            s.Description =
                "period day, week (default), month or all; limit 1 to 100 (default 20). The ranking is cached for "
                + "Popular:CacheDuration (shared by every instance through Redis when configured); the artworks "
                + "and each caller's likedByMe are read fresh.";
        });
    }

    public override async Task<Ok<Response>> ExecuteAsync(Query query, CancellationToken cancellationToken)
    {
        var period = query.Period ?? "week";
        var limit = query.Limit ?? Paging.DefaultLimit;
        // Only the ranking is shared between callers, one per period (its top Paging.MaxLimit, whatever
        // limit asked); the artworks are projected per User below.
        var ranked =
            options.CacheDuration == TimeSpan.Zero // the cache turned off: counted every time
                ? await RankAsync(db, Periods[period], Paging.MaxLimit, clock, cancellationToken)
                : await cache.GetOrCreateAsync(
                    $"popular:{period}",
                    async token => await RankAsync(db, Periods[period], Paging.MaxLimit, clock, token),
                    new HybridCacheEntryOptions
                    {
                        Expiration = options.CacheDuration,
                        LocalCacheExpiration = options.CacheDuration,
                    },
                    [CacheTags.PopularRankings],
                    cancellationToken
                );
        var ranking = ranked.Take(limit).ToList();
        if (ranking.Count == 0)
            return TypedResults.Ok(new Response(period, []));

        var artworks = await db
            .Artworks.AsNoTracking()
            .Where(a => ranking.Contains(a.Id))
            .Select(ArtworkResponse.Projection(db, User.UserIdOrNull()))
            .ToListAsync(cancellationToken);
        var ordered = artworks.OrderBy(a => ranking.IndexOf(a.Id)).ToList(); // deleted since ranking: simply absent
        return TypedResults.Ok(new Response(period, ordered));
    }

    private static Task<List<Guid>> RankAsync(
        AppDbContext db,
        TimeSpan? period,
        int limit,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        if (period is null)
            return db
                .Artworks.Where(a => a.LikeCount > 0)
                .OrderByDescending(a => a.LikeCount)
                .ThenByDescending(a => a.Id)
                .Select(a => a.Id)
                .Take(limit)
                .ToListAsync(cancellationToken);
        var since = clock.GetUtcNow().UtcDateTime - period.Value;
        return db
            .Likes.Where(l => l.CreatedAt >= since)
            .GroupBy(l => l.ArtworkId)
            .Select(g => new { ArtworkId = g.Key, Likes = g.Count() })
            .OrderByDescending(x => x.Likes)
            .ThenByDescending(x => x.ArtworkId)
            .Select(x => x.ArtworkId)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }
}
