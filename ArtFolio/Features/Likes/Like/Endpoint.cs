using System.Security.Claims;
using ArtFolio.Domain;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Likes.Like;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("artworks/{id:guid}/like", Handle) with
        {
            Summary = "Like an artwork (idempotent)",
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<LikeResponse>, ProblemHttpResult>> Handle(
        Guid id,
        ClaimsPrincipal caller,
        AppDbContext db,
        NotificationQueue notifications,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var artwork = await db
            .Artworks.Where(a => a.Id == id)
            .Select(a => new { a.ArtistId, a.Title })
            .SingleOrDefaultAsync(cancellationToken);
        if (artwork is null)
            return Artworks.ArtworkProblems.NotFound();

        var me = caller.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The primary key decides: a second like of the same artwork inserts nothing, so the counter
        // moves only when a row did, in the same transaction.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO likes ("ArtworkId", "UserId", "CreatedAt") VALUES ({id}, {me}, {now}) ON CONFLICT DO NOTHING""",
            cancellationToken
        );
        if (inserted == 1)
            await db
                .Artworks.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LikeCount, a => a.LikeCount + 1), cancellationToken);
        var count = await db.Artworks.Where(a => a.Id == id).Select(a => a.LikeCount).SingleAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (inserted == 1)
            await notifications.ToUserAsync(
                NotificationTypes.Like,
                me,
                artwork.ArtistId,
                id,
                $"{caller.Identity!.Name} liked “{artwork.Title}”"
            );
        return TypedResults.Ok(new LikeResponse(true, count));
    }
}
