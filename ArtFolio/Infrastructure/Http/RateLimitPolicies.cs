using System.Globalization;
using System.Threading.RateLimiting;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Redis;
using Microsoft.AspNetCore.RateLimiting;

namespace ArtFolio.Infrastructure.Http;

public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    internal IEnumerable<string> Problems(string name)
    {
        if (PermitLimit <= 0)
            yield return $"{name}:PermitLimit: must be positive";
        if (Window <= TimeSpan.Zero)
            yield return $"{name}:Window: must be positive";
    }
}

/// <summary>The <c>RateLimiting</c> section: one fixed window per policy.</summary>
public sealed class RateLimitingOptions : ICheckedSettings
{
    public const string Section = "RateLimiting";

    public RateLimitOptions Auth { get; set; } = new();
    public RateLimitOptions Images { get; set; } = new() { PermitLimit = 60 };

    public IEnumerable<string> Problems() => Auth.Problems(nameof(Auth)).Concat(Images.Problems(nameof(Images)));
}

public static class RateLimitPolicies
{
    /// <summary>Login, register and refresh: a fixed window per client address.</summary>
    public const string Auth = "auth";

    /// <summary>Image search: a fixed window per client address, 60 a minute by default (the outside quota is finite).</summary>
    public const string Images = "images";

    public static IServiceCollection AddRateLimitPolicies(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        var limits = services.AddSettings<RateLimitingOptions>(configuration, RateLimitingOptions.Section);
        var (auth, images) = (limits.Auth, limits.Images);
        var redis = RedisOptions.From(configuration);
        if (redis.IsConfigured)
            services.AddSingleton<RedisRateLimits>();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Auth, http => PerClient(http, Auth, auth));
            limiter.AddPolicy(Images, http => PerClient(http, Images, images));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                // The limiter's own wait when it gives one, else the window of the policy that refused.
                var policy = context
                    .HttpContext.GetEndpoint()
                    ?.Metadata.GetMetadata<EnableRateLimitingAttribute>()
                    ?.PolicyName;
                context.HttpContext.RequestServices.GetRequiredService<Telemetry.AppMetrics>().RateLimited(policy);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : WindowOf(policy, auth, images);
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    .ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    "Too many requests; try again after the time in Retry-After."
                );
            };
        });
    }

    /// <summary>The window of the policy named, for a Retry-After when the limiter gives no wait of its own.</summary>
    internal static TimeSpan WindowOf(string? policy, RateLimitOptions auth, RateLimitOptions images) =>
        policy == Images ? images.Window : auth.Window;

    /// <summary>
    /// Per client address (the proxy's X-Forwarded-For when it is a trusted one): counted in Redis
    /// across instances when it is configured, otherwise by this instance.
    /// </summary>
    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, RateLimitOptions options)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var shared = http.RequestServices.GetService<RedisRateLimits>();
        if (shared is not null)
            return RateLimitPartition.Get(
                client,
                key => shared.Create(policy, key, options.PermitLimit, options.Window)
            );
        return RateLimitPartition.GetFixedWindowLimiter(
            client,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
            }
        );
    }
}
