using ArtFolio.Infrastructure.ImageSearch;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Downloads.RecordExternal;

/// <summary>The recorded download: <c>downloadUrl</c> is the original file, <c>image</c> carries the credit.</summary>
public sealed record Response(
    Guid Id,
    string Source,
    string ImageId,
    string DownloadUrl,
    DateTime DownloadedAt,
    ExternalImage Image
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            Guid.Parse("0193a5c2-a0b1-7c3d-9e4f-5a6b7c8d0004"),
            ExternalImage.Example.Source,
            ExternalImage.Example.Id,
            ExternalImage.Example.Urls.Original,
            new DateTime(2026, 11, 22, 8, 5, 0, DateTimeKind.Utc),
            ExternalImage.Example
        );
}
