using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.ImageSearch;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Images.Search;

public sealed class Endpoint(PexelsClient pexels) : Endpoint<Query, Ok<ExternalImagePage>>
{
    public override void Configure()
    {
        Get("search");
        Group<ImagesGroup>();
        Summary(s =>
        {
            s.Summary = "Search Pexels' photo library";
            s.Description =
                "Results in ArtFolio's own shape; identical searches are answered from a cache for Pexels:CacheDuration. "
                + "503 when image search is not configured or Pexels' quota is used up (with Retry-After), 502 when "
                + "Pexels fails, 504 when it is too slow. "
                + ImageEndpoints.Credit;
        });
    }

    public override async Task<Ok<ExternalImagePage>> ExecuteAsync(Query query, CancellationToken cancellationToken) =>
        TypedResults.Ok(
            await pexels.SearchAsync(
                query.Q!.Trim(),
                query.Page ?? 1,
                query.PerPage ?? ImageEndpoints.DefaultPerPage,
                query.Orientation?.ToLowerInvariant(),
                query.Color?.ToLowerInvariant(),
                cancellationToken
            )
        );
}
