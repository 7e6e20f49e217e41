using ArtFolio.Features.Artworks;

namespace ArtFolio.Features.Downloads.List;

/// <summary>One download with the artwork as it is now.</summary>
public sealed record Item(Guid Id, Guid ArtworkId, string DownloadUrl, DateTime DownloadedAt, ArtworkResponse Artwork);
