using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Comments.Update;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Put("artworks/{id:guid}/comments/{commentId:guid}", Handle) with
        {
            Summary = "Edit a comment (its author only)",
            Configure = endpoint =>
                endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<CommentResponse>, ProblemHttpResult>> Handle(
        Guid id,
        Guid commentId,
        CommentRequest request,
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var comment = await db.Comments.SingleOrDefaultAsync(
            c => c.Id == commentId && c.ArtworkId == id,
            cancellationToken
        );
        if (comment is null)
            return CommentProblems.NotFound();
        var me = caller.UserId();
        if (comment.AuthorId != me)
            return Problems.Result(StatusCodes.Status403Forbidden, "Only its author can edit a comment.");

        comment.Body = request.Body!.Trim();
        comment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var response = await db
            .Comments.Where(c => c.Id == commentId)
            .Select(CommentResponse.Projection(me))
            .SingleAsync(cancellationToken);
        return TypedResults.Ok(response);
    }
}
