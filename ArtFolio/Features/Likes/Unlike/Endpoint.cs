using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Likes.Unlike;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Delete("artworks/{id:guid}/like", Handle) with
        {
            Summary = "Take back a like (idempotent)",
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<LikeResponse>, ProblemHttpResult>> Handle(
        Guid id,
        ClaimsPrincipal caller,
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        if (!await db.Artworks.AnyAsync(a => a.Id == id, cancellationToken))
            return Artworks.ArtworkProblems.NotFound();

        var me = caller.UserId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db
            .Likes.Where(l => l.ArtworkId == id && l.UserId == me)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
            await db
                .Artworks.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LikeCount, a => a.LikeCount - 1), cancellationToken);
        var count = await db.Artworks.Where(a => a.Id == id).Select(a => a.LikeCount).SingleAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new LikeResponse(false, count));
    }
}
