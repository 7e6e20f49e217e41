using ArtFolio.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtFolio.Infrastructure.ImageSearch;

/// <summary>
/// Pexels as its last answer left it: the quota remaining and when it resets, never calling it from
/// here (the quota is finite). Out of quota after a 429 is Degraded until the reset; no key is Disabled.
/// </summary>
public sealed class PexelsHealthCheck(PexelsOptions options, PexelsQuota quota) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        if (!options.IsConfigured)
            return Task.FromResult(StatusChecks.Disabled("pexels; not configured (Pexels:ApiKey)"));
        var (limit, remaining, reset, blockedUntil) = quota.Snapshot();
        var resets = reset is null ? "" : $", resets at {reset.Value.UtcDateTime:O}";
        return Task.FromResult(
            blockedUntil is not null
                ? HealthCheckResult.Degraded($"pexels; quota used up until {blockedUntil.Value.UtcDateTime:O}")
                : HealthCheckResult.Healthy(
                    remaining is null
                        ? "pexels; no call made yet"
                        : $"pexels; {remaining} of {limit} requests left{resets}"
                )
        );
    }
}
