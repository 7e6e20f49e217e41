namespace ArtFolio.Features.Downloads;

/// <summary>A recorded download; <c>downloadUrl</c> is the original file.</summary>
public sealed record DownloadResponse(Guid ArtworkId, string DownloadUrl, DateTime DownloadedAt);
