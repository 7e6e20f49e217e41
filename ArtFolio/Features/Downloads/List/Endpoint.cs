using System.Text.Json;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.ImageSearch;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Downloads.List;

public sealed class Endpoint(AppDbContext db) : Endpoint<Query, Ok<Page<DownloadItem>>>
{
    public override void Configure()
    {
        Get("users/me/downloads");
        Summary(s =>
        {
            s.Summary = "What the caller downloaded, newest first";
            s.Description =
                "Artwork downloads (source artfolio, with the artwork as it is now) and photos found through image "
                + "search (source pexels, with the photo and its credit as recorded), together, newest first. "
                + "Downloads of artworks deleted since are gone with them.";
        });
    }

    public override async Task<Ok<Page<DownloadItem>>> ExecuteAsync(Query query, CancellationToken cancellationToken)
    {
        var me = User.UserId();
        var limit = Paging.LimitOf(query);
        Paging.TryDecode<TimeCursor>(query.Cursor, out var cursor);

        // Artwork downloads and outside photos, each read newest first up to one page, merged by time.
        var artworkDownloads = db
            .Downloads.AsNoTracking()
            .Where(d => d.UserId == me)
            .After(cursor, d => d.CreatedAt, d => d.Id);
        var externalDownloads = db
            .ExternalDownloads.AsNoTracking()
            .Where(d => d.UserId == me)
            .After(cursor, d => d.CreatedAt, d => d.Id);
        var fromArtworks = await artworkDownloads
            .OrderByDescending(d => d.CreatedAt)
            .ThenByDescending(d => d.Id)
            .Take(limit + 1)
            .Select(d => new Row(d.Id, d.CreatedAt, d.ArtworkId, null))
            .ToListAsync(cancellationToken);
        var fromOutside = await externalDownloads
            .OrderByDescending(d => d.CreatedAt)
            .ThenByDescending(d => d.Id)
            .Take(limit + 1)
            .Select(d => new Row(d.Id, d.CreatedAt, null, d.Image))
            .ToListAsync(cancellationToken);
        var rows = fromArtworks
            .Concat(fromOutside)
            .OrderByDescending(r => r.At)
            .ThenByDescending(r => r.Id)
            .Take(limit + 1)
            .ToList();
        var page = Paging.ToPage(rows, limit, r => TimeCursor.Of(r.At, r.Id));

        // The page's artworks in one more query: three queries a page, whatever its size.
        var ids = page.Items.Where(r => r.ArtworkId is not null).Select(r => r.ArtworkId!.Value).Distinct().ToList();
        var artworks = await db
            .Artworks.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(ArtworkResponse.Projection(db, me))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var items = page
            .Items.Select(r =>
                r.ArtworkId is { } artworkId
                    ? artworks.TryGetValue(artworkId, out var artwork)
                        ? new DownloadItem(
                            r.Id,
                            DownloadItem.ArtFolioSource,
                            artworkId,
                            artwork.ImageUrl,
                            r.At,
                            artwork,
                            null
                        )
                        : null
                    : JsonSerializer.Deserialize<ExternalImage>(r.Image!) is { } image
                        ? new DownloadItem(r.Id, image.Source, null, image.Urls.Original, r.At, null, image)
                        : null
            )
            .OfType<DownloadItem>()
            .ToList();
        return TypedResults.Ok(new Page<DownloadItem>(items, page.NextCursor));
    }

    private sealed record Row(Guid Id, DateTime At, Guid? ArtworkId, string? Image);
}
