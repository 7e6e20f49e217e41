using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Comments.List;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Get("artworks/{id:guid}/comments", Handle) with
        {
            Summary = "An artwork's comments, oldest first",
            AllowAnonymous = true,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<Page<CommentResponse>>, ProblemHttpResult>> Handle(
        Guid id,
        [AsParameters] Query query,
        ClaimsPrincipal caller,
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        if (!await db.Artworks.AnyAsync(a => a.Id == id, cancellationToken))
            return Artworks.ArtworkProblems.NotFound();

        var comments = db.Comments.AsNoTracking().Where(c => c.ArtworkId == id);
        if (Paging.TryDecode<TimeCursor>(query.Cursor, out var cursor))
        {
            var at = cursor!.At;
            comments = comments.Where(c => c.CreatedAt > at || (c.CreatedAt == at && c.Id.CompareTo(cursor.Id) > 0));
        }
        var limit = Paging.LimitOf(query);
        var rows = await comments
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .Take(limit + 1)
            .Select(CommentResponse.Projection(caller.UserIdOrNull()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, limit, c => TimeCursor.Of(c.CreatedAt, c.Id)));
    }
}
