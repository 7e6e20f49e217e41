using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Comments.List;

public sealed class Endpoint(AppDbContext db)
    : Endpoint<Query, Results<Ok<Page<CommentResponse>>, StatusCodeHttpResult, ProblemHttpResult>>
{
    public override void Configure()
    {
        Get("artworks/{id:guid}/comments");
        AllowAnonymous();
        Options(o => o.CacheOutput(AnswerCacheSetup.Policy));
        Description(endpoint =>
            endpoint.Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "An artwork's comments, oldest first";
            s.Description =
                "Cursor pages of comments with their authors; an unknown artwork is a 404. Carries an ETag (If-None-Match: 304).";
        });
    }

    public override async Task<
        Results<Ok<Page<CommentResponse>>, StatusCodeHttpResult, ProblemHttpResult>
    > ExecuteAsync(Query query, CancellationToken cancellationToken)
    {
        if (!await db.Artworks.AnyAsync(a => a.Id == query.Id, cancellationToken))
            return Artworks.ArtworkProblems.NotFound();

        HttpContext.TagAnswer(AnswerTags.Artwork(query.Id), AnswerTags.CommentPages);
        Paging.TryDecode<TimeCursor>(query.Cursor, out var cursor);
        var comments = db
            .Comments.AsNoTracking()
            .Where(c => c.ArtworkId == query.Id)
            .After(cursor, c => c.CreatedAt, c => c.Id, descending: false); // oldest first
        var limit = Paging.LimitOf(query);
        var rows = await comments
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .Take(limit + 1)
            .Select(CommentResponse.Projection(User.UserIdOrNull()))
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, c => TimeCursor.Of(c.CreatedAt, c.Id));
        return ConditionalGet.IsNotModified(HttpContext, ConditionalGet.VersionOf(page))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(page);
    }
}
