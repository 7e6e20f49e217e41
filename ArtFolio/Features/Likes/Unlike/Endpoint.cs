using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Likes.Unlike;

public sealed class Endpoint(AppDbContext db, Evictions evictions)
    : Endpoint<Request, Results<Ok<LikeResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Delete("artworks/{id:guid}/like");
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Take back a like (idempotent)";
            s.Description =
                "Answers whether the caller likes it and the like count; taking back a like that was not there changes nothing. An unknown artwork is a 404.";
        });
    }

    public override async Task<Results<Ok<LikeResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        if (!await db.Artworks.AnyAsync(a => a.Id == request.Id, cancellationToken))
            return Artworks.ArtworkProblems.NotFound();

        var me = User.UserId();
        LikePeriods? countedIn = null;
        var count = await db.ChangeOnceAsync(
            change: async ct =>
            {
                countedIn = await RecentLikeCounters.DeleteLikeAsync(db, request.Id, me, ct);
                return countedIn is null ? 0 : 1;
            },
            whenChanged: async ct =>
            {
                await db
                    .Artworks.Where(a => a.Id == request.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.LikeCount, a => a.LikeCount - 1), ct);
                await RecentLikeCounters.SubtractAsync(db, request.Id, countedIn!.Value, ct);
            },
            count: ct => db.Artworks.Where(a => a.Id == request.Id).Select(a => a.LikeCount).SingleAsync(ct),
            cancellationToken
        );
        await evictions.EvictAnswersAsync(AnswerTags.ArtworkChanged(request.Id), CancellationToken.None);
        return TypedResults.Ok(new LikeResponse(false, count));
    }
}
