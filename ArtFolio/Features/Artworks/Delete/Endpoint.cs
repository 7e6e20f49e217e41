using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Delete;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Delete("artworks/{id:guid}", Handle) with
        {
            Summary = "Delete an artwork and its stored media (its artist only)",
            Configure = endpoint =>
                endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id,
        ClaimsPrincipal caller,
        AppDbContext db,
        IMediaStore media,
        CancellationToken cancellationToken
    )
    {
        var artwork = await db.Artworks.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (artwork is null)
            return ArtworkProblems.NotFound();
        if (artwork.ArtistId != caller.UserId())
            return ArtworkProblems.NotYours();

        db.Artworks.Remove(artwork); // its tags go with it (cascade)
        await db.SaveChangesAsync(cancellationToken);
        // The row is gone first: a file left by a failed delete is garbage, a row without its file is a broken page.
        await media.DeleteAsync(artwork.Media, CancellationToken.None);
        return TypedResults.NoContent();
    }
}
