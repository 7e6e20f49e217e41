using FastEndpoints;

namespace ArtFolio.Features.Follows.Unfollow;

/// <summary>The user named in the route.</summary>
public sealed record Request
{
    /// <summary>The artist to stop following.</summary>
    [RouteParam]
    public string Username { get; init; } = "";
}
