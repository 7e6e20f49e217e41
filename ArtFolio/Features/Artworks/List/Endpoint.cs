using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.List;

public sealed class Endpoint(AppDbContext db)
    : Endpoint<Query, Results<Ok<Page<ArtworkResponse>>, StatusCodeHttpResult>>
{
    public override void Configure()
    {
        Get("artworks");
        AllowAnonymous();
        Description(endpoint => endpoint.Produces(StatusCodes.Status304NotModified));
        Summary(s =>
        {
            s.Summary = "Explore artworks: filters, search, sorting and cursor pages";
            s.Description =
                "One SQL query per page, whatever the page size. Pass nextCursor back as cursor, with the same sort."
                + " Carries an ETag (If-None-Match: 304) and, anonymously, Cache-Control: public, max-age=30.";
        });
    }

    public override async Task<Results<Ok<Page<ArtworkResponse>>, StatusCodeHttpResult>> ExecuteAsync(
        Query query,
        CancellationToken cancellationToken
    )
    {
        var sort = ArtworkSort.All[query.Sort ?? ArtworkSort.Default];
        var artworks = Filter(db.Artworks.AsNoTracking(), query);
        if (Paging.TryDecode<ArtworkCursor>(query.Cursor, out var cursor))
            artworks = sort.After(artworks, cursor!);
        var limit = Paging.LimitOf(query);

        var rows = await sort.Order(artworks)
            .Take(limit + 1)
            .Select(ArtworkResponse.Projection(db, User.UserIdOrNull()))
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, sort.CursorAfter);
        var version = ConditionalGet.Version([.. page.Items.Select(a => a.Version()), page.NextCursor]);
        return ConditionalGet.IsNotModified(HttpContext, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(page);
    }

    private static IQueryable<Artwork> Filter(IQueryable<Artwork> artworks, Query query)
    {
        if (!string.IsNullOrWhiteSpace(query.Category))
            artworks = artworks.Where(a => a.CategoryKey == Artwork.NormalizeCategory(query.Category));
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            artworks = artworks.Where(a => a.Tags.Any(t => t.Name == tag));
        }
        if (!string.IsNullOrWhiteSpace(query.Artist))
        {
            var username = Domain.User.NormalizeUsername(query.Artist);
            artworks = artworks.Where(a => a.Artist.Username == username);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            artworks = artworks.Where(a =>
                a.Title.ToLower().Contains(text)
                || (a.Description != null && a.Description.ToLower().Contains(text))
                || a.Tags.Any(t => t.Name.Contains(text))
            );
        }
        if (Money.ToCents(query.MinPrice) is { } min)
            artworks = artworks.Where(a => a.PriceCents >= min);
        if (Money.ToCents(query.MaxPrice) is { } max)
            artworks = artworks.Where(a => a.PriceCents <= max);
        return artworks;
    }
}
