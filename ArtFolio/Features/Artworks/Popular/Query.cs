using FastEndpoints;

namespace ArtFolio.Features.Artworks.Popular;

public sealed record Query
{
    /// <summary><c>day</c>, <c>week</c> (default), <c>month</c> or <c>all</c>.</summary>
    [QueryParam]
    public string? Period { get; init; }

    /// <summary>1 to 100, default 20.</summary>
    [QueryParam]
    public int? Limit { get; init; }
}
