using FastEndpoints;

namespace ArtFolio.Features.Images.Curated;

public sealed record Query : IImagePageQuery
{
    /// <summary>1 or more (default 1).</summary>
    [QueryParam]
    public int? Page { get; init; }

    /// <summary>1 to 80 (default 15).</summary>
    [QueryParam]
    public int? PerPage { get; init; }
}
