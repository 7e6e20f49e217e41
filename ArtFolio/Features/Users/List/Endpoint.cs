using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.List;

public sealed class Endpoint(AppDbContext db) : Endpoint<Query, Results<Ok<Page<UserSummary>>, StatusCodeHttpResult>>
{
    public override void Configure()
    {
        Get("users");
        AllowAnonymous();
        Options(o => o.CacheOutput(AnswerCacheSetup.Policy));
        Description(endpoint => endpoint.Produces(StatusCodes.Status304NotModified));
        Summary(s =>
        {
            s.Summary = "Browse and search artists";
            s.Description =
                "Without q, everyone by username. With q, the artists whose username or display name starts with"
                + " it (any case): the exact username first, then usernames, then display names, each by username.";
        });
    }

    public override async Task<Results<Ok<Page<UserSummary>>, StatusCodeHttpResult>> ExecuteAsync(
        Query query,
        CancellationToken cancellationToken
    )
    {
        var prefix = query.Q?.Trim().ToLowerInvariant();
        var after = Paging.TryDecode<CursorKey>(query.Cursor, out var cursor) ? cursor : null;
        var limit = Paging.LimitOf(query);
        var rows = await (string.IsNullOrEmpty(prefix) ? All(after) : Matching(prefix, after))
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, u => new CursorKey(u.Username, u.Rank));
        var users = new Page<UserSummary>([.. page.Items.Select(u => u.Summary)], page.NextCursor);
        HttpContext.TagAnswer(AnswerTags.UserDirectory);
        return ConditionalGet.IsNotModified(HttpContext, ConditionalGet.VersionOf(users))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(users);
    }

    private sealed record Ranked(string Username, int Rank, UserSummary Summary);

    /// <summary>The directory: every user by username, a range of the username index per page.</summary>
    private IQueryable<Ranked> All(CursorKey? after) =>
        db
            .Users.AsNoTracking()
            .Where(u => after == null || string.Compare(u.Username, after.After) > 0)
            .OrderBy(u => u.Username)
            .Select(u => new Ranked(u.Username, 0, UserSummary.From(u)));

    /// <summary>
    /// Artists whose username or display name starts with <paramref name="prefix"/>: the exact username
    /// first, then usernames, then display names, each by username. Two index ranges (the username's and
    /// the lower-case display name's); the prefix test beside each range keeps it exact under any collation.
    /// </summary>
    private IQueryable<Ranked> Matching(string prefix, CursorKey? after)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var rank = after?.Rank ?? 0;
        var username = after?.After ?? "";
        return db
            .Users.AsNoTracking()
            .Where(u =>
                string.Compare(u.Username, prefix) >= 0
                    && string.Compare(u.Username, end) < 0
                    && u.Username.StartsWith(prefix)
                || string.Compare(u.DisplayNameKey, prefix) >= 0
                    && string.Compare(u.DisplayNameKey, end) < 0
                    && u.DisplayNameKey!.StartsWith(prefix)
            )
            .Select(u => new
            {
                User = u,
                Rank = u.Username == prefix ? 0
                : u.Username.StartsWith(prefix) ? 1
                : 2,
            })
            .Where(x => x.Rank > rank || x.Rank == rank && string.Compare(x.User.Username, username) > 0)
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.User.Username)
            .Select(x => new Ranked(x.User.Username, x.Rank, UserSummary.From(x.User)));
    }
}
