using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Comments.Update;

public sealed class Endpoint(AppDbContext db, Evictions evictions, TimeProvider clock)
    : Endpoint<Request, Results<Ok<CommentResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Put("artworks/{id:guid}/comments/{commentId:guid}");
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "Edit a comment (its author only)";
            s.Description =
                "Replaces the comment's text. Someone else's comment is a 403, an unknown artwork or comment a 404.";
            s.ExampleRequest = new Request { Body = "The light on the water is wonderful, and that blue!" };
        });
    }

    public override async Task<Results<Ok<CommentResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var me = User.UserId();
        var (comment, problem) = await db.Comments.FindOwnedAsync(
            c => c.Id == request.CommentId && c.ArtworkId == request.Id,
            c => c.AuthorId,
            me,
            CommentProblems.NotFound,
            () => Problems.Result(StatusCodes.Status403Forbidden, "Only its author can edit a comment."),
            cancellationToken
        );
        if (comment is null)
            return problem!;

        comment.Body = request.Body!.Trim();
        comment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var response = await db
            .Comments.Where(c => c.Id == request.CommentId)
            .Select(CommentResponse.Projection(me))
            .SingleAsync(cancellationToken);
        await evictions.EvictAnswersAsync([AnswerTags.Artwork(request.Id)], CancellationToken.None); // its pages
        return TypedResults.Ok(response);
    }
}
