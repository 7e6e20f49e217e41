using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.List;

public sealed class Endpoint(AppDbContext db) : Endpoint<Query, Results<Ok<Page<UserSummary>>, StatusCodeHttpResult>>
{
    public override void Configure()
    {
        Get("users");
        AllowAnonymous();
        Description(endpoint => endpoint.Produces(StatusCodes.Status304NotModified));
        Summary(s =>
        {
            s.Summary = "Browse and search artists";
            s.Description = "Ordered by username. q matches part of the username or display name, any case.";
        });
    }

    public override async Task<Results<Ok<Page<UserSummary>>, StatusCodeHttpResult>> ExecuteAsync(
        Query query,
        CancellationToken cancellationToken
    )
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            users = users.Where(u =>
                u.Username.Contains(text) || (u.DisplayName != null && u.DisplayName.ToLower().Contains(text))
            );
        }
        if (Paging.TryDecode<CursorKey>(query.Cursor, out var cursor))
            users = users.Where(u => string.Compare(u.Username, cursor!.After) > 0);
        var limit = Paging.LimitOf(query);

        var rows = await users
            .OrderBy(u => u.Username)
            .Take(limit + 1)
            .Select(UserSummary.Projection(db))
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, u => new CursorKey(u.Username));
        return ConditionalGet.IsNotModified(HttpContext, ConditionalGet.VersionOf(page))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(page);
    }
}
