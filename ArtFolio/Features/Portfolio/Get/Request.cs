using FastEndpoints;

namespace ArtFolio.Features.Portfolio.Get;

/// <summary>The user named in the route.</summary>
public sealed record Request
{
    /// <summary>The artist's username (compared without case).</summary>
    [RouteParam]
    public string Username { get; init; } = "";
}
