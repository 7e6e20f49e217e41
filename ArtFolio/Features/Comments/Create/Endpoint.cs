using System.Security.Claims;
using ArtFolio.Domain;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Comments.Create;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("artworks/{id:guid}/comments", Handle) with
        {
            Summary = "Comment on an artwork",
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Created<CommentResponse>, ProblemHttpResult>> Handle(
        Guid id,
        CommentRequest request,
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
        var comment = new Comment
        {
            ArtworkId = id,
            AuthorId = me,
            Body = request.Body!.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            await db
                .Artworks.Where(a => a.Id == id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.CommentCount, a => a.CommentCount + 1),
                    cancellationToken
                );
            await transaction.CommitAsync(cancellationToken);
        }

        await notifications.ToUserAsync(
            NotificationTypes.Comment,
            me,
            artwork.ArtistId,
            id,
            $"{caller.Identity!.Name} commented on “{artwork.Title}”"
        );
        var response = await db
            .Comments.Where(c => c.Id == comment.Id)
            .Select(CommentResponse.Projection(me))
            .SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/artworks/{id}/comments/{comment.Id}", response);
    }
}
