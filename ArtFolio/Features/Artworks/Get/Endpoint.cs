using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Get;

public sealed class Endpoint(AppDbContext db) : Endpoint<Request, Results<Ok<ArtworkResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Get("artworks/{id:guid}");
        AllowAnonymous();
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "One artwork";
        });
    }

    public override async Task<Results<Ok<ArtworkResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var artwork = await db
            .Artworks.Where(a => a.Id == request.Id)
            .Select(ArtworkResponse.Projection(db, User.UserIdOrNull()))
            .SingleOrDefaultAsync(cancellationToken);
        return artwork is null ? ArtworkProblems.NotFound() : TypedResults.Ok(artwork);
    }
}
