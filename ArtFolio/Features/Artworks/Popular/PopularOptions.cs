namespace ArtFolio.Features.Artworks.Popular;

public sealed class PopularOptions
{
    public const string Section = "Popular";

    /// <summary>How long the ranking (the ids, never anyone's likedByMe) is reused before it is counted again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

public static class PopularSetup
{
    public static IServiceCollection AddPopularArtworks(
        this IServiceCollection services,
        IConfiguration configuration
    ) =>
        services.AddSingleton(
            configuration.GetSection(PopularOptions.Section).Get<PopularOptions>() ?? new PopularOptions()
        );
}
