using FastEndpoints;

namespace ArtFolio.Features.Images.Search;

public sealed record Query : IImagePageQuery
{
    /// <summary>What to look for, 1 to 200 characters.</summary>
    [QueryParam]
    public string? Q { get; init; }

    /// <summary>1 or more (default 1).</summary>
    [QueryParam]
    public int? Page { get; init; }

    /// <summary>1 to 80 (default 15).</summary>
    [QueryParam]
    public int? PerPage { get; init; }

    /// <summary><c>landscape</c>, <c>portrait</c> or <c>square</c>.</summary>
    [QueryParam]
    public string? Orientation { get; init; }

    /// <summary>One of Pexels' colour names (red, orange, ... white) or a hex code like <c>#ffffff</c>.</summary>
    [QueryParam]
    public string? Color { get; init; }
}
