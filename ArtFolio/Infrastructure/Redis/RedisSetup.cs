using ArtFolio.Infrastructure.Hosting;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace ArtFolio.Infrastructure.Redis;

public static class RedisSetup
{
    /// <summary>
    /// One multiplexer for the process, and Redis as the distributed cache (HybridCache's second
    /// level). The connection is made in the background and re-made after a loss, so an instance
    /// starts, and serves what does not need Redis, while Redis is away.
    /// </summary>
    /// <remarks>
    /// Registered once, here, for every part that uses it (caches, evictions, rate limits, real-time);
    /// they decide from <see cref="RedisOptions.IsConfigured"/> whether to use it.
    /// </remarks>
    public static IServiceCollection AddRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<RedisOptions>(configuration, RedisOptions.Section);
        if (!options.IsConfigured)
            return services;
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
            configuration.AbortOnConnectFail = false;
            // Redis sits in the path of every login (the rate limit): a Redis that hangs should cost a
            // second before the instance counts alone, not StackExchange.Redis's default five.
            if (!options.ConnectionString!.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
                configuration.AsyncTimeout = 1000;
            return ConnectionMultiplexer.Connect(configuration);
        });
        services.AddStackExchangeRedisCache(_ => { });
        services
            .AddOptions<RedisCacheOptions>()
            .Configure<IConnectionMultiplexer>(
                (cache, redis) =>
                {
                    cache.InstanceName = options.KeyPrefix + "cache:";
                    cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
                }
            );
        return services;
    }
}
