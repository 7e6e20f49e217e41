using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Http;
using FastEndpoints;

namespace ArtFolio.Features.Images;

/// <summary>
/// What every image-search endpoint shares: the <c>images</c> route prefix, anonymous access, the images
/// rate limit (the outside quota is finite), and the failures of an outside service.
/// </summary>
public sealed class ImagesGroup : Group
{
    public ImagesGroup() =>
        Configure(
            "images",
            endpoint =>
            {
                endpoint.AllowAnonymous();
                endpoint.Options(route => route.RequireRateLimiting(RateLimitPolicies.Images));
                endpoint.Description(route => route.ProducesImageSearchProblems());
            }
        );
}
