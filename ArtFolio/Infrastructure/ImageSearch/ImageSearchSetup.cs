using System.Net;
using ArtFolio.Infrastructure.Health;
using ArtFolio.Infrastructure.Hosting;
using Polly;
using Polly.Timeout;

namespace ArtFolio.Infrastructure.ImageSearch;

public static class ImageSearchSetup
{
    public static IServiceCollection AddImageSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<PexelsOptions>(configuration, PexelsOptions.Section);
        services.AddSingleton<PexelsQuota>();
        services.AddStatusCheck<PexelsHealthCheck>("imageSearch");
        services
            .AddHttpClient<PexelsClient>(client =>
            {
                client.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
                // Pexels takes the key itself as the Authorization header, with no scheme.
                if (options.IsConfigured)
                    client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", options.ApiKey);
            })
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.TotalRequestTimeout.Timeout = options.Timeout;
                resilience.AttemptTimeout.Timeout = options.Timeout / 2;
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(
                    Math.Max(30, options.Timeout.TotalSeconds * 2)
                );
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                // A 429 is not retried: Pexels is not called again until its quota resets.
                resilience.Retry.ShouldHandle = args =>
                    ValueTask.FromResult(
                        args.Outcome switch
                        {
                            { Exception: HttpRequestException or TimeoutRejectedException } => true,
                            { Result: { } response } => (int)response.StatusCode >= 500
                                || response.StatusCode == HttpStatusCode.RequestTimeout,
                            _ => false,
                        }
                    );
            });
        return services;
    }
}
