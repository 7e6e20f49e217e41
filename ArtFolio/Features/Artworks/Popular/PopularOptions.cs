using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Features.Artworks.Popular;

public sealed class PopularOptions : ICheckedSettings
{
    public const string Section = "Popular";

    /// <summary>How long the ranking (the ids, never anyone's likedByMe) is reused before it is counted again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Problems()
    {
        if (CacheDuration < TimeSpan.Zero)
            yield return "CacheDuration: cannot be negative";
    }
}

public static class PopularSetup
{
    public static IServiceCollection AddPopularArtworks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PopularOptions>(configuration, PopularOptions.Section);
        return services;
    }
}
