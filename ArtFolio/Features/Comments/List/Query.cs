using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Comments.List;

public sealed record Query : IPageQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Oldest first, as a conversation reads: the last comment's time and id.</summary>
public sealed record CursorKey(long Ticks, Guid Id);
