using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Downloads.Record;

public sealed class Endpoint(AppDbContext db, EndpointLinks links, TimeProvider clock)
    : Endpoint<Request, Results<Created<DownloadResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("artworks/{id:guid}/downloads");
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Record a download of an artwork and get the address of its widest public image";
            s.Description =
                "Adds the download to the caller's history and answers the address to fetch the file from: an image's widest"
                + " public rendition (the original is its artist's: GET /artworks/{id}/original), a video's file. An unknown artwork is a 404.";
        });
    }

    public override async Task<Results<Created<DownloadResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var url = await db
            .Artworks.Where(a => a.Id == request.Id)
            .Select(a => a.ImageUrl)
            .SingleOrDefaultAsync(cancellationToken);
        if (url is null)
            return Artworks.ArtworkProblems.NotFound();

        var download = new Download
        {
            UserId = User.UserId(),
            ArtworkId = request.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Downloads.Add(download);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            links.PathTo<List.Endpoint>(),
            new DownloadResponse(request.Id, url, download.CreatedAt)
        );
    }
}
