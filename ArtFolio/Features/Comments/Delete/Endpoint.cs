using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Comments.Delete;

public sealed class Endpoint(AppDbContext db, Evictions evictions)
    : Endpoint<Request, Results<NoContent, ProblemHttpResult>>
{
    public override void Configure()
    {
        Delete("artworks/{id:guid}/comments/{commentId:guid}");
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "Delete a comment (its author, or the artwork's artist)";
            s.Description =
                "The comment's author and the artwork's artist may delete it; anyone else gets a 403, an unknown artwork or comment a 404. Answers 204.";
        });
    }

    public override async Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var found = await db
            .Comments.Where(c => c.Id == request.CommentId && c.ArtworkId == request.Id)
            .Select(c => new
            {
                c.AuthorId,
                ArtistId = db.Artworks.Where(a => a.Id == request.Id).Select(a => a.ArtistId).Single(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return CommentProblems.NotFound();
        var me = User.UserId();
        if (found.AuthorId != me && found.ArtistId != me)
            return Problems.Result(
                StatusCodes.Status403Forbidden,
                "Only its author or the artwork's artist can delete a comment."
            );

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Comments.Where(c => c.Id == request.CommentId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
            await db
                .Artworks.Where(a => a.Id == request.Id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.CommentCount, a => a.CommentCount - 1),
                    cancellationToken
                );
        await transaction.CommitAsync(cancellationToken);
        await evictions.EvictAnswersAsync(AnswerTags.ArtworkChanged(request.Id), CancellationToken.None);
        return TypedResults.NoContent();
    }
}
