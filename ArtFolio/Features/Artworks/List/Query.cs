using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;

namespace ArtFolio.Features.Artworks.List;

/// <summary>The explore listing's query string.</summary>
public sealed record Query : IPageQuery
{
    /// <summary>Only this category (compared without case).</summary>
    [QueryParam]
    public string? Category { get; init; }

    /// <summary>Only artworks with this tag.</summary>
    [QueryParam]
    public string? Tag { get; init; }

    /// <summary>The artist's username.</summary>
    [QueryParam]
    public string? Artist { get; init; }

    /// <summary>
    /// Words to find in the title, tags or description, in any order and stemmed (`paintings` finds
    /// `painting`); the last word also as a prefix; `"quoted words"` together; `-word` excludes.
    /// </summary>
    [QueryParam]
    public string? Q { get; init; }

    /// <summary>Only artworks priced at least this much.</summary>
    [QueryParam]
    public decimal? MinPrice { get; init; }

    /// <summary>Only artworks priced at most this much.</summary>
    [QueryParam]
    public decimal? MaxPrice { get; init; }

    /// <summary>
    /// <c>relevance</c> (the default with <c>q</c>, and only with it: the title holding every word first, then
    /// title and tags together, then anywhere; newest first within each), <c>newest</c> (the default without),
    /// <c>oldest</c>, <c>popular</c>, <c>price_asc</c> or <c>price_desc</c>.
    /// </summary>
    [QueryParam]
    public string? Sort { get; init; }

    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }
}
