using ArtFolio.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ArtFolio.Infrastructure.Redis;

/// <summary>
/// Redis shares caches, rate limits, evictions and the real-time fan-out between instances. Without it
/// every instance works alone: limits count per instance and pushes reach only sockets held by the
/// instance that sends them. Degraded, since the API itself goes on.
/// </summary>
public sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
            return StatusChecks.Disabled("not configured (Redis:ConnectionString): one instance");
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy("shared by the instances");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded(
                "unreachable: each instance counts limits and pushes to its own sockets alone"
            );
        }
    }
}
