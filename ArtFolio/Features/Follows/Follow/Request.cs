using FastEndpoints;

namespace ArtFolio.Features.Follows.Follow;

/// <summary>The user named in the route.</summary>
public sealed record Request
{
    /// <summary>The artist to follow.</summary>
    [RouteParam]
    public string Username { get; init; } = "";
}
