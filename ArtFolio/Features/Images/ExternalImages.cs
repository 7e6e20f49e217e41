using System.Globalization;
using ArtFolio.Infrastructure.ImageSearch;

namespace ArtFolio.Features.Images;

public static class ExternalImages
{
    /// <summary>The Pexels id named by a source and an id; anything else is the 404 of a photo that does not exist.</summary>
    public static long IdOf(string source, string id) =>
        source.Equals(PexelsClient.Source, StringComparison.OrdinalIgnoreCase)
        && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value > 0
            ? value
            : throw new ImageSearchException(
                StatusCodes.Status404NotFound,
                "There is no such photo: the source is 'pexels' and the id a Pexels photo id."
            );
}
