using System.Security.Claims;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Downloads.Record;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("artworks/{id:guid}/downloads", Handle) with
        {
            Summary = "Record a download of an artwork and get the address of its original",
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Created<DownloadResponse>, ProblemHttpResult>> Handle(
        Guid id,
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var url = await db
            .Artworks.Where(a => a.Id == id)
            .Select(a => a.ImageUrl)
            .SingleOrDefaultAsync(cancellationToken);
        if (url is null)
            return Artworks.ArtworkProblems.NotFound();

        var download = new Download
        {
            UserId = caller.UserId(),
            ArtworkId = id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Downloads.Add(download);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/api/v1/users/me/downloads", new DownloadResponse(id, url, download.CreatedAt));
    }
}
