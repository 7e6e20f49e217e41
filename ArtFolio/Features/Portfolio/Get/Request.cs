using FastEndpoints;

namespace ArtFolio.Features.Portfolio.Get;

/// <summary>The user named in the route.</summary>
public sealed record Request
{
    [RouteParam]
    public string Username { get; init; } = "";
}
