using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Follows;

public sealed record FollowListQuery : IPageQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}
