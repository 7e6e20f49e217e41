using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Get;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Get("artworks/{id:guid}", Handle) with
        {
            Summary = "One artwork",
            AllowAnonymous = true,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<ArtworkResponse>, ProblemHttpResult>> Handle(
        Guid id,
        ClaimsPrincipal caller,
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        var artwork = await db
            .Artworks.Where(a => a.Id == id)
            .Select(ArtworkResponse.Projection(db, caller.UserIdOrNull()))
            .SingleOrDefaultAsync(cancellationToken);
        return artwork is null ? ArtworkProblems.NotFound() : TypedResults.Ok(artwork);
    }
}
