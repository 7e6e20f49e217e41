using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Downloads.List;

public sealed record Query : IPageQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Newest first: the last download's time and id.</summary>
public sealed record CursorKey(long Ticks, Guid Id);
