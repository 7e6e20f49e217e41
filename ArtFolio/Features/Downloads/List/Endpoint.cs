using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Downloads.List;

public sealed class Endpoint(AppDbContext db) : Endpoint<Query, Ok<Page<Item>>>
{
    public override void Configure()
    {
        Get("users/me/downloads");
        Summary(s =>
        {
            s.Summary = "What the caller downloaded, newest first";
            s.Description = "Downloads of artworks deleted since are gone with them.";
        });
    }

    public override async Task<Ok<Page<Item>>> ExecuteAsync(Query query, CancellationToken cancellationToken)
    {
        var me = User.UserId();
        var downloads = db.Downloads.AsNoTracking().Where(d => d.UserId == me);
        if (Paging.TryDecode<TimeCursor>(query.Cursor, out var cursor))
        {
            var at = cursor!.At;
            downloads = downloads.Where(d => d.CreatedAt < at || (d.CreatedAt == at && d.Id.CompareTo(cursor.Id) < 0));
        }
        var limit = Paging.LimitOf(query);
        var rows = await downloads
            .OrderByDescending(d => d.CreatedAt)
            .ThenByDescending(d => d.Id)
            .Take(limit + 1)
            .Select(d => new
            {
                d.Id,
                d.ArtworkId,
                d.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, d => TimeCursor.Of(d.CreatedAt, d.Id));

        // The page's artworks in one more query: two queries a page, whatever its size.
        var ids = page.Items.Select(d => d.ArtworkId).Distinct().ToList();
        var artworks = await db
            .Artworks.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(ArtworkResponse.Projection(db, me))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var items = page
            .Items.Where(d => artworks.ContainsKey(d.ArtworkId))
            .Select(d => new Item(
                d.Id,
                d.ArtworkId,
                artworks[d.ArtworkId].ImageUrl,
                d.CreatedAt,
                artworks[d.ArtworkId]
            ))
            .ToList();
        return TypedResults.Ok(new Page<Item>(items, page.NextCursor));
    }
}
