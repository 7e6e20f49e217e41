using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Downloads;

/// <summary>A recorded download; <c>downloadUrl</c> is the artwork's widest public rendition (a video's file).</summary>
public sealed record DownloadResponse(Guid ArtworkId, string DownloadUrl, DateTime DownloadedAt)
    : IHasExample<DownloadResponse>
{
    public static DownloadResponse Example { get; } =
        new(
            ArtworkResponse.Example.Id,
            ArtworkResponse.Example.ImageUrl,
            new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc)
        );
}
