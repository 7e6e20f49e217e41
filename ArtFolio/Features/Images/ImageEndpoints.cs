using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Images;

/// <summary>What the image-search slices have in common.</summary>
public static class ImageEndpoints
{
    public const int MaxPerPage = 80;
    public const int DefaultPerPage = 15;

    public const string Credit =
        "Pexels asks every use of its photos to credit the photographer and Pexels: show “Photo by {photographer} "
        + "on Pexels”, linking the name to photographerUrl and “Pexels” to pageUrl (or https://www.pexels.com).";

    /// <summary>The failures any image-search answer can have: the outside service is down, out of quota or slow.</summary>
    public static RouteHandlerBuilder ProducesImageSearchProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
}
