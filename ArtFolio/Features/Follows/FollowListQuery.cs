using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Follows;

public sealed record FollowListQuery : IPageQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Most recent follow first: that follow's time and the listed user's id.</summary>
public sealed record FollowCursor(long Ticks, Guid UserId);
