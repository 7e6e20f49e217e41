using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ArtFolio.Infrastructure.Redis;

/// <summary>
/// A fixed window counted in Redis, so that a client gets the limit once however many instances
/// its requests are spread over. One Lua script increments the count and starts the window on the
/// first request, atomically. If Redis cannot answer, the instance's own window counts instead:
/// the limit then holds per instance rather than failing open or refusing everyone.
/// </summary>
public sealed class RedisRateLimiter(
    IConnectionMultiplexer redis,
    RedisKey key,
    int permitLimit,
    TimeSpan window,
    ILogger logger
) : RateLimiter
{
    private static readonly LuaScript CountRequest = LuaScript.Prepare(
        """
        local count = redis.call('INCRBY', @key, @permits)
        if count == tonumber(@permits) then redis.call('PEXPIRE', @key, @window) end
        return {count, redis.call('PTTL', @key)}
        """
    );

    // Made on the first failure only: each one runs a replenishment timer, and a healthy Redis never needs it.
    private FixedWindowRateLimiter? fallback;
    private long lastUsed = Stopwatch.GetTimestamp();

    /// <summary>Lets ASP.NET Core drop the limiter of a client that has gone quiet; its count lives on in Redis.</summary>
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>
    /// Redis is only asked asynchronously: a lease that is not acquired here sends ASP.NET Core's
    /// middleware on to <see cref="AcquireAsyncCore"/>, and consumes nothing.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotAcquired(null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(
        int permitCount,
        CancellationToken cancellationToken
    )
    {
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        if (permitCount > permitLimit)
            return Lease.NotAcquired(window);
        try
        {
            var result = (RedisResult[])
                (
                    await redis
                        .GetDatabase()
                        .ScriptEvaluateAsync(
                            CountRequest,
                            new
                            {
                                key,
                                permits = permitCount,
                                window = (long)window.TotalMilliseconds,
                            }
                        )
                )!;
            var count = (long)result[0];
            var remaining = TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1]));
            return count <= permitLimit ? Lease.Acquired : Lease.NotAcquired(remaining);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Redis did not answer a rate-limit count; this instance counts alone meanwhile");
            var local = LazyInitializer.EnsureInitialized(
                ref fallback,
                () =>
                    new FixedWindowRateLimiter(
                        new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = permitLimit,
                            Window = window,
                            QueueLimit = 0,
                        }
                    )
            );
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            fallback?.Dispose();
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public static Lease NotAcquired(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

/// <summary>Makes the Redis-counted limiter of one client under one policy.</summary>
public sealed class RedisRateLimits(
    IConnectionMultiplexer redis,
    RedisOptions options,
    ILogger<RedisRateLimiter> logger
)
{
    public RateLimiter Create(string policy, string client, int permitLimit, TimeSpan window) =>
        new RedisRateLimiter(redis, options.Key($"rate:{policy}:{client}"), permitLimit, window, logger);
}
