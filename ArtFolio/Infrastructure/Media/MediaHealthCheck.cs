using ArtFolio.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Storage that cannot take uploads degrades the API rather than breaking it: everything but uploads
/// works. (On Cloudinary this is a call to its Admin API, so it runs once per status period.)
/// </summary>
public sealed class MediaHealthCheck(IMediaStore media, MediaOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        var provider = options.Provider.ToString().ToLowerInvariant();
        if (!await media.IsHealthyAsync(cancellationToken))
            return HealthCheckResult.Degraded($"{provider} unavailable");
        if (!Images.IsAvailable)
            return HealthCheckResult.Degraded($"{provider}; libvips did not load: images are refused");
        return HealthCheckResult.Healthy(
            options.Provider == MediaProvider.Local ? $"{provider}; thumbnails by libvips" : provider
        );
    }
}
