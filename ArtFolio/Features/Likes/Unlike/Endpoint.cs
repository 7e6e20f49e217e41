using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Likes.Unlike;

public sealed class Endpoint(AppDbContext db) : Endpoint<Request, Results<Ok<LikeResponse>, ProblemHttpResult>>
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
        var count = await db.ChangeOnceAsync(
            change: ct => db.Likes.Where(l => l.ArtworkId == request.Id && l.UserId == me).ExecuteDeleteAsync(ct),
            whenChanged: ct =>
                db.Artworks.Where(a => a.Id == request.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.LikeCount, a => a.LikeCount - 1), ct),
            count: ct => db.Artworks.Where(a => a.Id == request.Id).Select(a => a.LikeCount).SingleAsync(ct),
            cancellationToken
        );
        return TypedResults.Ok(new LikeResponse(false, count));
    }
}
