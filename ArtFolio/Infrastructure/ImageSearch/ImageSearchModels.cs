using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Infrastructure.ImageSearch;

/// <summary>A photo from an outside library, in our own shape, with the credit its licence asks for.</summary>
public sealed record ExternalImage(
    string Id,
    string Source,
    int Width,
    int Height,
    string? Alt,
    string? AvgColor,
    string Photographer,
    string? PhotographerUrl,
    string PageUrl,
    ExternalImageUrls Urls
) : IHasExample<ExternalImage>
{
    public static ExternalImage Example { get; } =
        new(
            "2014422",
            "pexels",
            3024,
            3024,
            "Boats in a harbor at dusk",
            "#4A5B6C",
            "Joey Farina",
            "https://www.pexels.com/@joey",
            "https://www.pexels.com/photo/2014422/",
            new ExternalImageUrls(
                "https://images.pexels.com/photos/2014422/pexels-photo-2014422.jpeg",
                "https://images.pexels.com/photos/2014422/pexels-photo-2014422.jpeg?h=650&w=940",
                "https://images.pexels.com/photos/2014422/pexels-photo-2014422.jpeg?h=350",
                "https://images.pexels.com/photos/2014422/pexels-photo-2014422.jpeg?h=130",
                "https://images.pexels.com/photos/2014422/pexels-photo-2014422.jpeg?h=200&w=280"
            )
        );
}

public sealed record ExternalImageUrls(string Original, string Large, string Medium, string Small, string Tiny);

/// <summary>A page of search or curated results; <c>nextPage</c> is null on the last one.</summary>
public sealed record ExternalImagePage(
    IReadOnlyList<ExternalImage> Items,
    int Page,
    int PerPage,
    int Total,
    int? NextPage
) : IHasExample<ExternalImagePage>
{
    public static ExternalImagePage Example { get; } = new([ExternalImage.Example], 1, 15, 8000, 2);
}

/// <summary>
/// The outside service could not answer as asked: <see cref="Status"/> is the 4xx/5xx to give the
/// client (502 for a bad answer, 503 when not configured or out of quota, 504 for a timeout, 404 for a
/// photo that does not exist), with <see cref="RetryAfter"/> when it is known.
/// </summary>
public sealed class ImageSearchException(int status, string detail, TimeSpan? retryAfter = null) : Exception(detail)
{
    public int Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
