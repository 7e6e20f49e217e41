using System.Security.Claims;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Update;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Put("artworks/{id:guid}", Handle) with
        {
            Summary = "Edit an artwork's details (its artist only)",
            Configure = endpoint =>
                endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<ArtworkResponse>, ProblemHttpResult>> Handle(
        Guid id,
        Request request,
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var artwork = await db.Artworks.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (artwork is null)
            return ArtworkProblems.NotFound();
        var callerId = caller.UserId();
        if (artwork.ArtistId != callerId)
            return ArtworkProblems.NotYours();

        artwork.Title = request.Title!.Trim();
        artwork.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        artwork.PriceCents = Money.ToCents(request.Price);
        artwork.Category = request.Category!.Trim();
        artwork.CategoryKey = Artwork.NormalizeCategory(request.Category);
        var tags = Rules.NormalizeTags(request.Tags);
        artwork.Tags.RemoveAll(t => !tags.Contains(t.Name));
        artwork.Tags.AddRange(
            tags.Where(t => artwork.Tags.All(existing => existing.Name != t)).Select(t => new ArtworkTag { Name = t })
        );
        artwork.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var response = await db
            .Artworks.Where(a => a.Id == id)
            .Select(ArtworkResponse.Projection(db, callerId))
            .SingleAsync(cancellationToken);
        return TypedResults.Ok(response);
    }
}
