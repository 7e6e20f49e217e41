using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;

namespace ArtFolio.Features.Comments.List;

public sealed record Query : IPageQuery
{
    /// <summary>The artwork whose comments these are.</summary>
    [RouteParam]
    public Guid Id { get; init; }

    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }
}
