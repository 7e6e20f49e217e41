using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;

namespace ArtFolio.Features.Follows;

public sealed record FollowListQuery : IPageQuery
{
    /// <summary>Whose followers or followings.</summary>
    [RouteParam]
    public string Username { get; init; } = "";

    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }
}
