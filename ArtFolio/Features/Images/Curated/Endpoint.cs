using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.ImageSearch;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Images.Curated;

public sealed class Endpoint(PexelsClient pexels) : Endpoint<Query, Ok<ExternalImagePage>>
{
    public override void Configure()
    {
        Get("curated");
        Group<ImagesGroup>();
        Summary(s =>
        {
            s.Summary = "Pexels' curated photos, a page at a time";
            s.Description = "Same shape, cache and failures as images/search. " + ImageEndpoints.Credit;
        });
    }

    public override async Task<Ok<ExternalImagePage>> ExecuteAsync(Query query, CancellationToken cancellationToken) =>
        TypedResults.Ok(
            await pexels.CuratedAsync(
                query.Page ?? 1,
                query.PerPage ?? ImageEndpoints.DefaultPerPage,
                cancellationToken
            )
        );
}
