using System.Text.Json;
using ArtFolio.Domain;
using ArtFolio.Features.Images;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Http;
using ArtFolio.Infrastructure.ImageSearch;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Downloads.RecordExternal;

public sealed class Endpoint(AppDbContext db, PexelsClient pexels, EndpointLinks links, TimeProvider clock)
    : Endpoint<Request, Created<Response>>
{
    public override void Configure()
    {
        Post("users/me/downloads");
        Options(endpoint => endpoint.RequireRateLimiting(Infrastructure.Http.RateLimitPolicies.Images));
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound).ProducesImageSearchProblems());
        Summary(s =>
        {
            s.Summary = "Record that the caller downloaded a photo found through image search";
            s.Description =
                "The server looks the photo up itself and keeps what a client needs to show and credit it; it never "
                + "fetches an address the client sends. A photo Pexels does not have is a 404. "
                + ImageEndpoints.Credit;
            s.ExampleRequest = new Request { Source = "pexels", Id = "2014422" };
        });
    }

    public override async Task<Created<Response>> ExecuteAsync(Request request, CancellationToken cancellationToken)
    {
        var image = await pexels.PhotoAsync(ExternalImages.IdOf(request.Source!, request.Id!), cancellationToken);
        var download = new ExternalDownload
        {
            UserId = User.UserId(),
            Source = image.Source,
            ExternalId = image.Id,
            Image = JsonSerializer.Serialize(image),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ExternalDownloads.Add(download);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            links.PathTo<List.Endpoint>(),
            new Response(download.Id, image.Source, image.Id, image.Urls.Original, download.CreatedAt, image)
        );
    }
}
