using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Feed.Get;

public sealed class Endpoint(AppDbContext db)
    : Endpoint<Query, Results<Ok<Page<ArtworkResponse>>, StatusCodeHttpResult>>
{
    /// <summary>The feed is the explore listing's "newest" order, limited to followed artists.</summary>
    public static readonly ArtworkSort Order = ArtworkSort.All["newest"];

    public override void Configure()
    {
        Get("feed");
        Description(endpoint => endpoint.Produces(StatusCodes.Status304NotModified));
        Summary(s =>
        {
            s.Summary = "Artworks by the artists the caller follows, newest first";
            s.Description =
                "Cursor pages of artworks, the same shape as explore. Carries an ETag (If-None-Match: 304).";
        });
    }

    public override async Task<Results<Ok<Page<ArtworkResponse>>, StatusCodeHttpResult>> ExecuteAsync(
        Query query,
        CancellationToken cancellationToken
    )
    {
        var me = User.UserId();
        var artworks = db
            .Artworks.AsNoTracking()
            .Where(a => db.Follows.Any(f => f.FollowerId == me && f.FolloweeId == a.ArtistId));
        if (Paging.TryDecode<ArtworkCursor>(query.Cursor, out var cursor))
            artworks = Order.After(artworks, cursor!);
        var limit = Paging.LimitOf(query);
        var rows = await Order
            .Order(artworks)
            .Take(limit + 1)
            .Select(ArtworkResponse.Projection(db, me))
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, Order.CursorAfter);
        var version = ConditionalGet.Version([.. page.Items.Select(a => a.Version()), page.NextCursor]);
        return ConditionalGet.IsNotModified(HttpContext, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(page);
    }
}
