using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Artworks.List;

/// <summary>The explore listing's query string.</summary>
public sealed record Query : IPageQuery
{
    public string? Category { get; init; }
    public string? Tag { get; init; }

    /// <summary>The artist's username.</summary>
    public string? Artist { get; init; }

    /// <summary>Words to find in the title, description or tags.</summary>
    public string? Q { get; init; }

    public decimal? MinPrice { get; init; }
    public decimal? MaxPrice { get; init; }

    /// <summary><c>newest</c> (default), <c>oldest</c>, <c>popular</c>, <c>price_asc</c> or <c>price_desc</c>.</summary>
    public string? Sort { get; init; }

    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}
