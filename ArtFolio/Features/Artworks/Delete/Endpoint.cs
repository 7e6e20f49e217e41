using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Delete;

public sealed class Endpoint(AppDbContext db, IMediaStore media, Evictions evictions)
    : Endpoint<Request, Results<NoContent, ProblemHttpResult>>
{
    public override void Configure()
    {
        Delete("artworks/{id:guid}");
        Description(endpoint =>
            endpoint
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
        );
        Summary(s =>
        {
            s.Summary = "Delete an artwork and its stored media (its artist only)";
            s.Description =
                "Removes the artwork with its likes, comments and stored files. Another user's artwork is a 403, an unknown id a 404. "
                + "An artwork with a copy sold (and not refunded) is a 409: its buyers keep downloading it; stop its sales instead. Answers 204.";
        });
    }

    public override async Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var (artwork, problem) = await db.Artworks.FindOwnedAsync(
            a => a.Id == request.Id,
            a => a.ArtistId,
            User.UserId(),
            ArtworkProblems.NotFound,
            ArtworkProblems.NotYours,
            cancellationToken
        );
        if (artwork is null)
            return problem!;
        if (artwork.SoldCount > 0)
            return Problems.Result(
                StatusCodes.Status409Conflict,
                "Copies of this artwork were sold and their buyers keep their downloads: stop its sales instead (salesStopped).",
                "sold"
            );

        db.Artworks.Remove(artwork); // its tags go with it (cascade)
        await db.SaveCountingAsync(artwork.ArtistId, -1, cancellationToken);
        // The row is gone first: a file left by a failed delete is garbage, a row without its file is a broken page.
        await media.DeleteAsync(artwork.Media, CancellationToken.None);
        await evictions.EvictTagAsync(CacheTags.PopularRankings, CancellationToken.None);
        await evictions.EvictAnswersAsync(
            AnswerTags.ArtistsArtworksChanged(User.Identity!.Name!, artwork.Id),
            CancellationToken.None
        );
        return TypedResults.NoContent();
    }
}
