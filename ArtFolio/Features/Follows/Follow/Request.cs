using FastEndpoints;

namespace ArtFolio.Features.Follows.Follow;

/// <summary>The user named in the route.</summary>
public sealed record Request
{
    [RouteParam]
    public string Username { get; init; } = "";
}
