using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.ImageSearch;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Images.Get;

public sealed class Endpoint(PexelsClient pexels) : Endpoint<Request, Ok<ExternalImage>>
{
    public override void Configure()
    {
        Get("{source}/{id}");
        Group<ImagesGroup>();
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "One photo of an outside library (source: pexels)";
            s.Description =
                "404 for an unknown source, an id that is not a Pexels id, or a photo Pexels does not have. "
                + ImageEndpoints.Credit;
        });
    }

    public override async Task<Ok<ExternalImage>> ExecuteAsync(Request request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await pexels.PhotoAsync(ExternalImages.IdOf(request.Source, request.Id), cancellationToken));
}
