using ArtFolio.Domain;
using ArtFolio.Features.Auth;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Comments.Create;

public sealed class Endpoint(
    AppDbContext db,
    NotificationOutbox notifications,
    EndpointLinks links,
    Evictions evictions,
    TimeProvider clock
) : Endpoint<Request, Results<Created<CommentResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("artworks/{id:guid}/comments");
        RequireVerifiedEmail.On(Definition);
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "Comment on an artwork";
            s.Description =
                "1 to 2000 characters. Needs a verified email (403 otherwise); an unknown artwork is a 404. The artist is notified.";
            s.ExampleRequest = new Request { Body = "The light on the water is wonderful." };
        });
    }

    public override async Task<Results<Created<CommentResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var artwork = await db
            .Artworks.Where(a => a.Id == request.Id)
            .Select(a => new { a.ArtistId, a.Title })
            .SingleOrDefaultAsync(cancellationToken);
        if (artwork is null)
            return Artworks.ArtworkProblems.NotFound();

        var me = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = new Comment
        {
            ArtworkId = request.Id,
            AuthorId = me,
            Body = request.Body!.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Comments.Add(comment);
            notifications.ToUser(
                db,
                NotificationTypes.Comment,
                me,
                artwork.ArtistId,
                request.Id,
                $"{User.Identity!.Name} commented on “{artwork.Title}”"
            );
            await db.SaveChangesAsync(cancellationToken);
            await db
                .Artworks.Where(a => a.Id == request.Id)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.CommentCount, a => a.CommentCount + 1),
                    cancellationToken
                );
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsForeignKeyViolation())
        {
            return Artworks.ArtworkProblems.NotFound(); // deleted since it was found above
        }

        var response = await db
            .Comments.Where(c => c.Id == comment.Id)
            .Select(CommentResponse.Projection(me))
            .SingleAsync(cancellationToken);
        await evictions.EvictAnswersAsync(AnswerTags.ArtworkChanged(request.Id), CancellationToken.None);
        // A comment has no read of its own: its address is the one that edits and deletes it.
        return TypedResults.Created(
            links.PathTo<Update.Endpoint>(new { request.Id, CommentId = comment.Id }),
            response
        );
    }
}
