using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Notifications.List;

public sealed record Query : IPageQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Newest first: the last item's time and id.</summary>
public sealed record CursorKey(long Ticks, Guid Id);
