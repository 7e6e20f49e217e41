using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Search;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.List;

public sealed class Endpoint(AppDbContext db, IArtworkSearch search)
    : Endpoint<Query, Results<Ok<Page<ArtworkResponse>>, StatusCodeHttpResult>>
{
    public override void Configure()
    {
        Get("artworks");
        AllowAnonymous();
        Options(o => o.CacheOutput(AnswerCacheSetup.Policy));
        Description(endpoint => endpoint.Produces(StatusCodes.Status304NotModified));
        Summary(s =>
        {
            s.Summary = "Explore artworks: filters, search, sorting and cursor pages";
            s.Description =
                "One SQL query per page, whatever the page size (under relevance, one per tier read and one for the answers). Pass nextCursor back as"
                + " cursor, with the same sort and filters. With q, the default order is relevance."
                + " Carries an ETag (If-None-Match: 304) and, anonymously, Cache-Control: public, max-age=30.";
        });
    }

    /// <summary>The order asked for: by default relevance when there are words to search for, else newest.</summary>
    public static string SortOf(string? sort, SearchQuery? words) =>
        sort ?? (words is null ? ArtworkSort.Default : ArtworkSort.Relevance);

    public override async Task<Results<Ok<Page<ArtworkResponse>>, StatusCodeHttpResult>> ExecuteAsync(
        Query query,
        CancellationToken cancellationToken
    )
    {
        HttpContext.TagAnswer(AnswerTags.ArtworkLists);
        var page = await PageAsync(query, cancellationToken);
        var version = ConditionalGet.Version([.. page.Items.Select(a => a.Version()), page.NextCursor]);
        return ConditionalGet.IsNotModified(HttpContext, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(page);
    }

    private async Task<Page<ArtworkResponse>> PageAsync(Query query, CancellationToken cancellationToken)
    {
        var artworks = Filter(db.Artworks.AsNoTracking(), query);
        Paging.TryDecode<ArtworkCursor>(query.Cursor, out var cursor);
        var limit = Paging.LimitOf(query);
        var words = SearchQuery.Parse(query.Q);
        var sortName = SortOf(query.Sort, words);
        if (words is null)
            return await SortedAsync(artworks, sortName, cursor, limit, cancellationToken);
        if (sortName != ArtworkSort.Relevance)
            // IN (the matches): the engine runs once, not once per artwork.
            return await SortedAsync(
                artworks.Where(a => search.MatchingIds(db, words).Contains(a.Id)),
                sortName,
                cursor,
                limit,
                cancellationToken
            );

        var after = cursor is null ? ((long, Guid)?)null : (cursor.Key, cursor.Id);
        // Without another filter the engine ranks alone; with one, its matches are joined with the filters.
        var best = IsFiltered(query)
            ? await artworks
                .Join(
                    search.Matches(db, words),
                    a => a.Id,
                    m => m.ArtworkId,
                    (a, m) => new ArtworkMatch { ArtworkId = a.Id, Relevance = m.Relevance }
                )
                .BestAsync(after, limit + 1, cancellationToken)
            : await search.BestAsync(db, words, after, limit + 1, cancellationToken);
        return await RankedAsync(best, limit, cancellationToken);
    }

    /// <summary>One of the column orders: one query for the page.</summary>
    private async Task<Page<ArtworkResponse>> SortedAsync(
        IQueryable<Artwork> artworks,
        string sortName,
        ArtworkCursor? cursor,
        int limit,
        CancellationToken cancellationToken
    )
    {
        var sort = ArtworkSort.All[sortName];
        if (cursor is not null)
            artworks = sort.After(artworks, cursor);
        var rows = await sort.Order(artworks)
            .Take(limit + 1)
            .Select(ArtworkResponse.Projection(db, User.UserIdOrNull()))
            .ToListAsync(cancellationToken);
        return Paging.ToPage(rows, limit, sort.CursorAfter);
    }

    /// <summary>
    /// Best match first: the page's answers read by id for the matches the engine ranked (the relevance
    /// is the engine's, not a column).
    /// </summary>
    private async Task<Page<ArtworkResponse>> RankedAsync(
        List<ArtworkMatch> top,
        int limit,
        CancellationToken cancellationToken
    )
    {
        var ids = top.Select(m => m.ArtworkId).ToList();
        var answers = (
            await db
                .Artworks.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Select(ArtworkResponse.Projection(db, User.UserIdOrNull()))
                .ToListAsync(cancellationToken)
        ).ToDictionary(a => a.Id);
        var relevanceOf = top.ToDictionary(m => m.ArtworkId, m => m.Relevance);
        // An artwork deleted between the two queries is left out.
        var rows = ids.Where(answers.ContainsKey).Select(id => answers[id]).ToList();
        return Paging.ToPage(rows, limit, last => RelevanceCursor.Of(relevanceOf[last.Id], last.Id));
    }

    /// <summary>Whether anything but the search narrows the list.</summary>
    private static bool IsFiltered(Query query) =>
        !string.IsNullOrWhiteSpace(query.Category)
        || !string.IsNullOrWhiteSpace(query.Tag)
        || !string.IsNullOrWhiteSpace(query.Artist)
        || query.MinPrice is not null
        || query.MaxPrice is not null;

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
        if (Money.ToCents(query.MinPrice) is { } min)
            artworks = artworks.Where(a => a.PriceDescKey >= min); // unpriced is -1 there: left out
        if (Money.ToCents(query.MaxPrice) is { } max)
            artworks = artworks.Where(a => a.PriceAscKey <= max); // unpriced is the maximum there: left out
        return artworks;
    }
}
