using ArtFolio.Infrastructure.ImageSearch;

namespace ArtFolio.Features.Downloads.RecordExternal;

/// <summary>The recorded download: <c>downloadUrl</c> is the original file, <c>image</c> carries the credit.</summary>
public sealed record Response(
    Guid Id,
    string Source,
    string ImageId,
    string DownloadUrl,
    DateTime DownloadedAt,
    ExternalImage Image
);
