using FastEndpoints;

namespace ArtFolio.Features.Images.Get;

/// <summary>The photo named in the route: its library (<c>pexels</c>) and its id there.</summary>
public sealed record Request
{
    [RouteParam]
    public string Source { get; init; } = "";

    [RouteParam]
    public string Id { get; init; } = "";
}
