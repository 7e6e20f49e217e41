using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Update;

public sealed class Endpoint(AppDbContext db, Evictions evictions, TimeProvider clock)
    : Endpoint<Request, Results<Ok<ArtworkResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Put("artworks/{id:guid}");
        Description(endpoint =>
            endpoint
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
        );
        Summary(s =>
        {
            s.Summary = "Edit an artwork's details (its artist only)";
            s.Description =
                "Replaces the editable details (PUT): a field left out is cleared where it may be empty; the media stays. "
                + "A limited edition is a promise to its buyers: once copies are sold, editionSize may be lowered to no fewer "
                + "than those but not raised or removed (409). Another user's artwork is a 403, an unknown id a 404.";
            s.ExampleRequest = new Request
            {
                Title = "First light",
                Description = "Dawn over the estuary, oil on linen.",
                Price = 1250.00m,
                Category = "Painting",
                Tags = ["dawn", "oil", "landscape"],
                EditionSize = 25,
                SalesStopped = false,
            };
        });
    }

    public override async Task<Results<Ok<ArtworkResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var callerId = User.UserId();
        var (artwork, problem) = await db
            .Artworks.Include(a => a.Tags)
            .FindOwnedAsync(
                a => a.Id == request.Id,
                a => a.ArtistId,
                callerId,
                ArtworkProblems.NotFound,
                ArtworkProblems.NotYours,
                cancellationToken
            );
        if (artwork is null)
            return problem!;

        if (
            artwork.SoldCount > 0
            && (request.EditionSize is null || request.EditionSize > artwork.EditionSize)
            && artwork.EditionSize is not null
        )
            return Problems.Result(
                StatusCodes.Status409Conflict,
                $"{artwork.SoldCount} of this limited edition of {artwork.EditionSize} are sold: its size may be lowered to no fewer than those, not raised or removed.",
                "edition_promised"
            );
        if (request.EditionSize < artwork.SoldCount)
            return Problems.Result(
                StatusCodes.Status409Conflict,
                $"{artwork.SoldCount} copies are sold already: the edition cannot be smaller.",
                "edition_below_sold"
            );

        artwork.Title = request.Title!.Trim();
        artwork.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        artwork.PriceCents = Money.ToCents(request.Price);
        artwork.EditionSize = request.EditionSize;
        artwork.SalesStopped = request.SalesStopped ?? false;
        artwork.Category = request.Category!.Trim();
        artwork.CategoryKey = Artwork.NormalizeCategory(request.Category);
        artwork.SetTags(ArtworkRules.NormalizeTags(request.Tags));
        artwork.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var response = await db
            .Artworks.Where(a => a.Id == request.Id)
            .Select(ArtworkResponse.Projection(db, callerId))
            .SingleAsync(cancellationToken);
        await evictions.EvictAnswersAsync(AnswerTags.ArtworkChanged(request.Id), CancellationToken.None);
        return TypedResults.Ok(response);
    }
}
