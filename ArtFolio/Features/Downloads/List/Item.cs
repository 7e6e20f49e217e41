using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.ImageSearch;

namespace ArtFolio.Features.Downloads.List;

/// <summary>
/// One download: of an ArtFolio artwork (<c>source: "artfolio"</c>, with the artwork as it is now), or of
/// a photo found through image search (<c>source: "pexels"</c>, with the photo and its credit as recorded).
/// </summary>
public sealed record Item(
    Guid Id,
    string Source,
    Guid? ArtworkId,
    string DownloadUrl,
    DateTime DownloadedAt,
    ArtworkResponse? Artwork,
    ExternalImage? Image
)
{
    public const string ArtFolioSource = "artfolio";
}
