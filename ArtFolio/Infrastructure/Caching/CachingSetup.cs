using ArtFolio.Infrastructure.Health;
using ArtFolio.Infrastructure.Redis;
using Microsoft.Extensions.Caching.Hybrid;

namespace ArtFolio.Infrastructure.Caching;

public static class CachingSetup
{
    /// <summary>
    /// HybridCache for whatever the read path caches: in memory, with Redis as its second level
    /// when <c>Redis:ConnectionString</c> is set, and evictions that reach every instance.
    /// </summary>
    public static IServiceCollection AddCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = RedisOptions.From(configuration);
        services.AddMemoryCache();
        services.AddHybridCache();
        // Built from the app's HybridCache explicitly: constructed by type as one of the IEnumerable of
        // targets, it was handed a HybridCache instance other than the one the endpoints use (seen in a test).
        services.AddSingleton<IEvictionTarget>(sp => new HybridCacheEviction(sp.GetRequiredService<HybridCache>()));
        if (redis.IsConfigured)
        {
            services.AddSingleton<RedisEvictions>();
            services.AddSingleton<Evictions>(sp => sp.GetRequiredService<RedisEvictions>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisEvictions>());
        }
        else
            services.AddSingleton<Evictions>();
        // Here, as this is the part every deployment has: it reports Redis as Disabled when it is not set.
        services.AddStatusCheck<RedisHealthCheck>("redis");
        return services;
    }
}
