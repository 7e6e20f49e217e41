using ArtFolio.Domain;
using ArtFolio.Features.Likes;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Telemetry;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace ArtFolio.Features.Artworks.Popular;

public sealed class Endpoint(AppDbContext db, HybridCache cache, PopularOptions options, TimeProvider clock)
    : Endpoint<Query, Results<Ok<Response>, StatusCodeHttpResult>>
{
    /// <summary>The periods by name; <c>all</c> (null) ranks by every like ever given.</summary>
    public static readonly IReadOnlyDictionary<string, LikePeriods?> Periods = new Dictionary<string, LikePeriods?>
    {
        ["day"] = LikePeriods.Day,
        ["week"] = LikePeriods.Week,
        ["month"] = LikePeriods.Month,
        ["all"] = null,
    };

    public override void Configure()
    {
        Get("artworks/popular");
        AllowAnonymous();
        Options(o => o.CacheOutput(AnswerCacheSetup.Policy));
        Description(endpoint => endpoint.Produces(StatusCodes.Status304NotModified));
        Summary(s =>
        {
            s.Summary = "The most liked artworks of a period";
            s.Description =
                "period day, week (default), month or all; limit 1 to 100 (default 20). The ranking is cached for "
                + "Popular:CacheDuration (shared by every instance through Redis when configured); the artworks "
                + "and each caller's likedByMe are read fresh. Carries an ETag (If-None-Match: 304) and, "
                + "anonymously, Cache-Control: public, max-age=30.";
        });
    }

    public override async Task<Results<Ok<Response>, StatusCodeHttpResult>> ExecuteAsync(
        Query query,
        CancellationToken cancellationToken
    )
    {
        var period = query.Period ?? "week";
        HttpContext.TagAnswer(AnswerTags.ArtworkLists);
        var limit = query.Limit ?? Paging.DefaultLimit;
        // Only the ranking is shared between callers, one per period (its top Paging.MaxLimit, whatever
        // limit asked); the artworks are projected per User below.
        var caller = AppTraces.Caller;
        var ranked =
            options.CacheDuration == TimeSpan.Zero // the cache turned off: counted every time
                ? await RankAsync(db, Periods[period], Paging.MaxLimit, clock, cancellationToken)
                : await cache.GetOrCreateAsync(
                    $"popular:{period}",
                    async token =>
                    {
                        using var span = AppTraces.StartShared("popular ranking", caller);
                        return await RankAsync(db, Periods[period], Paging.MaxLimit, clock, token);
                    },
                    new HybridCacheEntryOptions
                    {
                        Expiration = options.CacheDuration,
                        LocalCacheExpiration = options.CacheDuration,
                    },
                    [CacheTags.PopularRankings],
                    cancellationToken
                );
        var ranking = ranked.Take(limit).ToList();

        var artworks =
            ranking.Count == 0
                ? []
                : await db
                    .Artworks.AsNoTracking()
                    .Where(a => ranking.Contains(a.Id))
                    .Select(ArtworkResponse.Projection(db, User.UserIdOrNull()))
                    .ToListAsync(cancellationToken);
        var ordered = artworks.OrderBy(a => ranking.IndexOf(a.Id)).ToList(); // deleted since ranking: simply absent
        var version = ConditionalGet.Version([period, .. ordered.Select(a => a.Version())]);
        return ConditionalGet.IsNotModified(HttpContext, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(new Response(period, ordered));
    }

    private static Task<List<Guid>> RankAsync(
        AppDbContext db,
        LikePeriods? period,
        int limit,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) =>
        period is null
            ? db
                .Artworks.Where(a => a.LikeCount > 0)
                .OrderByDescending(a => a.LikeCount)
                .ThenByDescending(a => a.Id)
                .Select(a => a.Id)
                .Take(limit)
                .ToListAsync(cancellationToken)
            : RecentLikeCounters.RankAsync(db, period.Value, clock.GetUtcNow().UtcDateTime, limit, cancellationToken);
}
