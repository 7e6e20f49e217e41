using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArtFolio.Infrastructure.Telemetry;
using Microsoft.Extensions.Caching.Hybrid;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ArtFolio.Infrastructure.ImageSearch;

/// <summary>
/// Pexels' API (search, curated, one photo), answered in our own shape. Identical calls are cached for
/// <see cref="PexelsOptions.CacheDuration"/>; Pexels' remaining quota is read from every answer; after a
/// 429 nothing is sent to Pexels until its reset time. Transport failures, 5xx and timeouts are retried
/// by the standard resilience handler within <see cref="PexelsOptions.Timeout"/> (see ImageSearchSetup),
/// and whatever still fails becomes an <see cref="ImageSearchException"/>, never a 500.
/// </summary>
public sealed class PexelsClient(
    HttpClient http,
    PexelsOptions options,
    PexelsQuota quota,
    HybridCache cache,
    ILogger<PexelsClient> logger
)
{
    public const string Source = "pexels";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public Task<ExternalImagePage> SearchAsync(
        string query,
        int page,
        int perPage,
        string? orientation,
        string? color,
        CancellationToken cancellationToken
    )
    {
        var path =
            $"v1/search?query={Uri.EscapeDataString(query)}&page={page}&per_page={perPage}"
            + (orientation is null ? "" : $"&orientation={orientation}")
            + (color is null ? "" : $"&color={Uri.EscapeDataString(color)}");
        return CachedAsync(path, async ct => ToPage(await GetAsync<PhotoPage>(path, ct)), cancellationToken);
    }

    public Task<ExternalImagePage> CuratedAsync(int page, int perPage, CancellationToken cancellationToken)
    {
        var path = $"v1/curated?page={page}&per_page={perPage}";
        return CachedAsync(path, async ct => ToPage(await GetAsync<PhotoPage>(path, ct)), cancellationToken);
    }

    /// <summary>One photo; a photo Pexels does not have is a 404 <see cref="ImageSearchException"/>.</summary>
    public Task<ExternalImage> PhotoAsync(long id, CancellationToken cancellationToken)
    {
        var path = $"v1/photos/{id}";
        return CachedAsync(path, async ct => ToImage(await GetAsync<Photo>(path, ct)), cancellationToken);
    }

    private async Task<T> CachedAsync<T>(
        string path,
        Func<CancellationToken, Task<T>> fetch,
        CancellationToken cancellationToken
    )
    {
        if (!options.IsConfigured)
            throw new ImageSearchException(
                StatusCodes.Status503ServiceUnavailable,
                "Image search is not configured on this server (Pexels:ApiKey)."
            );
        var caller = AppTraces.Caller;
        return await cache.GetOrCreateAsync(
            $"pexels:{path}",
            async ct =>
            {
                using var span = AppTraces.StartShared("pexels fetch", caller);
                return await fetch(ct);
            },
            new HybridCacheEntryOptions
            {
                Expiration = options.CacheDuration,
                LocalCacheExpiration = options.CacheDuration,
            },
            cancellationToken: cancellationToken
        );
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        if (quota.BlockedFor() is { } wait)
            throw OutOfQuota(wait);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path, cancellationToken);
        }
        catch (Exception e)
            when (e is TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ImageSearchException(
                StatusCodes.Status504GatewayTimeout,
                "The image library did not answer in time; try again."
            );
        }
        catch (Exception e) when (e is HttpRequestException or BrokenCircuitException)
        {
            logger.LogWarning(e, "Pexels could not be reached");
            throw new ImageSearchException(
                StatusCodes.Status502BadGateway,
                "The image library could not be reached; try again later."
            );
        }

        using (response)
        {
            quota.Observe(response);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throw OutOfQuota(quota.BlockUntilReset());
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new ImageSearchException(StatusCodes.Status404NotFound, "The image library has no such photo.");
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Pexels answered {Status} to {Path}", (int)response.StatusCode, path);
                throw new ImageSearchException(
                    StatusCodes.Status502BadGateway,
                    "The image library failed to answer; try again later."
                );
            }
            try
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                    ?? throw new JsonException("empty");
            }
            catch (JsonException e)
            {
                logger.LogWarning(e, "Pexels sent an answer that is not the JSON it documents, for {Path}", path);
                throw new ImageSearchException(
                    StatusCodes.Status502BadGateway,
                    "The image library sent an unreadable answer; try again later."
                );
            }
        }
    }

    private static ImageSearchException OutOfQuota(TimeSpan wait) =>
        new(
            StatusCodes.Status503ServiceUnavailable,
            "The image library's request quota is used up for now; try again later.",
            wait
        );

    private static ExternalImagePage ToPage(PhotoPage page) =>
        new(
            page.Photos.Select(ToImage).ToList(),
            page.Page,
            page.PerPage,
            page.TotalResults,
            string.IsNullOrEmpty(page.NextPage) ? null : page.Page + 1
        );

    private static ExternalImage ToImage(Photo photo) =>
        new(
            photo.Id.ToString(CultureInfo.InvariantCulture),
            Source,
            photo.Width,
            photo.Height,
            string.IsNullOrWhiteSpace(photo.Alt) ? null : photo.Alt,
            photo.AvgColor,
            photo.Photographer ?? "",
            photo.PhotographerUrl,
            photo.Url ?? "",
            new ExternalImageUrls(
                photo.Src.Original,
                photo.Src.Large,
                photo.Src.Medium,
                photo.Src.Small,
                photo.Src.Tiny
            )
        );

    // Pexels' documented shapes (snake_case), only the fields we use.
    private sealed record PhotoPage(int Page, int PerPage, int TotalResults, List<Photo> Photos, string? NextPage);

    private sealed record Photo(
        long Id,
        int Width,
        int Height,
        string? Url,
        string? Photographer,
        string? PhotographerUrl,
        string? AvgColor,
        PhotoSources Src,
        string? Alt
    );

    private sealed record PhotoSources(string Original, string Large, string Medium, string Small, string Tiny);
}

/// <summary>
/// Pexels' request quota as its last answer told it (<c>X-Ratelimit-Limit</c>, <c>-Remaining</c>,
/// <c>-Reset</c>), for /status, and the time until which a 429 forbids calling again.
/// </summary>
public sealed class PexelsQuota(TimeProvider clock)
{
    private readonly Lock gate = new();
    private long? limit,
        remaining;
    private DateTimeOffset? reset,
        blockedUntil;

    public (long? Limit, long? Remaining, DateTimeOffset? Reset, DateTimeOffset? BlockedUntil) Snapshot()
    {
        lock (gate)
            return (limit, remaining, reset, blockedUntil > clock.GetUtcNow() ? blockedUntil : null);
    }

    public void Observe(HttpResponseMessage response)
    {
        lock (gate)
        {
            limit = Header(response, "X-Ratelimit-Limit") ?? limit;
            remaining = Header(response, "X-Ratelimit-Remaining") ?? remaining;
            if (Header(response, "X-Ratelimit-Reset") is { } seconds)
                reset = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
    }

    /// <summary>After a 429: nothing goes to Pexels until its reset (a minute if it named none).</summary>
    public TimeSpan BlockUntilReset()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            blockedUntil = reset > now ? reset : now.AddMinutes(1);
            return blockedUntil.Value - now;
        }
    }

    public TimeSpan? BlockedFor()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            return blockedUntil > now ? blockedUntil.Value - now : null;
        }
    }

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
