using FastEndpoints;

namespace ArtFolio.Features.Images.Get;

/// <summary>The photo named in the route: its library (<c>pexels</c>) and its id there.</summary>
public sealed record Request
{
    /// <summary>Where the image comes from: `pexels`.</summary>
    [RouteParam]
    public string Source { get; init; } = "";

    /// <summary>The image's id at its source.</summary>
    [RouteParam]
    public string Id { get; init; } = "";
}
