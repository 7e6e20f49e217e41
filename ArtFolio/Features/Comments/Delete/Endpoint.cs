using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Comments.Delete;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Delete("artworks/{id:guid}/comments/{commentId:guid}", Handle) with
        {
            Summary = "Delete a comment (its author, or the artwork's artist)",
            Configure = endpoint =>
                endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id,
        Guid commentId,
        ClaimsPrincipal caller,
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        var found = await db
            .Comments.Where(c => c.Id == commentId && c.ArtworkId == id)
            .Select(c => new
            {
                c.AuthorId,
                ArtistId = db.Artworks.Where(a => a.Id == id).Select(a => a.ArtistId).Single(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return CommentProblems.NotFound();
        var me = caller.UserId();
        if (found.AuthorId != me && found.ArtistId != me)
            return Problems.Result(
                StatusCodes.Status403Forbidden,
                "Only its author or the artwork's artist can delete a comment."
            );

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Comments.Where(c => c.Id == commentId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
            await db
                .Artworks.Where(a => a.Id == id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.CommentCount, a => a.CommentCount - 1),
                    cancellationToken
                );
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
