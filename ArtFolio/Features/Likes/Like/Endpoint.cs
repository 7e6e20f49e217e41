using ArtFolio.Domain;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Likes.Like;

public sealed class Endpoint(AppDbContext db, NotificationOutbox notifications, Evictions evictions, TimeProvider clock)
    : Endpoint<Request, Results<Ok<LikeResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("artworks/{id:guid}/like");
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Like an artwork (idempotent)";
            s.Description =
                "Answers whether the caller likes it and the like count; liking twice counts once. The artist is notified the first time. An unknown artwork is a 404.";
        });
    }

    public override async Task<Results<Ok<LikeResponse>, ProblemHttpResult>> ExecuteAsync(
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

        try
        {
            var liked = await LikeAsync(request.Id, artwork.ArtistId, artwork.Title, cancellationToken);
            await evictions.EvictAnswersAsync(AnswerTags.ArtworkChanged(request.Id), CancellationToken.None);
            return TypedResults.Ok(liked);
        }
        catch (Exception e) when (e.IsForeignKeyViolation())
        {
            return Artworks.ArtworkProblems.NotFound(); // deleted since it was found above
        }
    }

    private async Task<LikeResponse> LikeAsync(
        Guid artworkId,
        Guid artistId,
        string title,
        CancellationToken cancellationToken
    )
    {
        var me = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await db.ChangeOnceAsync(
            // The primary key decides: a second like of the same artwork inserts nothing.
            change: ct =>
                db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO likes ("ArtworkId", "UserId", "CreatedAt", "CountedIn")
                    VALUES ({artworkId}, {me}, {now}, {(int)LikePeriods.All}) ON CONFLICT DO NOTHING
                    """,
                    ct
                ),
            whenChanged: async ct =>
            {
                await db
                    .Artworks.Where(a => a.Id == artworkId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.LikeCount, a => a.LikeCount + 1), ct);
                await RecentLikeCounters.AddAsync(db, artworkId, ct);
                notifications.ToUser(
                    db,
                    NotificationTypes.Like,
                    me,
                    artistId,
                    artworkId,
                    $"{User.Identity!.Name} liked “{title}”"
                );
            },
            count: ct => db.Artworks.Where(a => a.Id == artworkId).Select(a => a.LikeCount).SingleAsync(ct),
            cancellationToken
        );
        return new LikeResponse(true, count);
    }
}
