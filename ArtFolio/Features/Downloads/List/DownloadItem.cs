using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.ImageSearch;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Downloads.List;

/// <summary>
/// One download: of an ArtFolio artwork (<c>source: "artfolio"</c>, with the artwork as it is now), or of
/// a photo found through image search (<c>source: "pexels"</c>, with the photo and its credit as recorded).
/// </summary>
public sealed record DownloadItem(
    Guid Id,
    string Source,
    Guid? ArtworkId,
    string DownloadUrl,
    DateTime DownloadedAt,
    ArtworkResponse? Artwork,
    ExternalImage? Image
) : IHasExample<DownloadItem>
{
    public static DownloadItem Example { get; } =
        new(
            Guid.Parse("0193a5c2-a0b1-7c3d-9e4f-5a6b7c8d0003"),
            ArtFolioSource,
            ArtworkResponse.Example.Id,
            ArtworkResponse.Example.ImageUrl,
            new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc),
            ArtworkResponse.Example,
            null
        );

    public const string ArtFolioSource = "artfolio";
}
