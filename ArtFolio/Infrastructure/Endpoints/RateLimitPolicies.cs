using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ArtFolio.Infrastructure.Endpoints;

public sealed class AuthRateLimitOptions
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimitPolicies
{
    /// <summary>Login, register and refresh: a fixed window per client address.</summary>
    public const string Auth = "auth";

    public static IServiceCollection AddRateLimitPolicies(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        var auth = configuration.GetSection("RateLimiting:Auth").Get<AuthRateLimitOptions>() ?? new();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(
                Auth,
                http =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = auth.PermitLimit,
                            Window = auth.Window,
                            QueueLimit = 0,
                        }
                    )
            );
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : auth.Window;
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
}
