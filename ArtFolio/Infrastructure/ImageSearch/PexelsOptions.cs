using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.ImageSearch;

public sealed class PexelsOptions : ICheckedSettings
{
    public const string Section = "Pexels";

    /// <summary>Pexels' API key. None: image search answers 503 and /status shows it disabled.</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = "https://api.pexels.com";

    /// <summary>How long an identical search, curated page or photo is answered from the cache.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one call to Pexels may take, retries included, before it is a 504.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            yield return "BaseUrl: must be an absolute URL";
        if (Timeout <= TimeSpan.Zero)
            yield return "Timeout: must be positive";
        if (CacheDuration < TimeSpan.Zero)
            yield return "CacheDuration: cannot be negative";
    }
}
