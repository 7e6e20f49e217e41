using FastEndpoints;

namespace ArtFolio.Features.Portfolio.Remove;

/// <summary>The section and entry named in the route.</summary>
public sealed record Request
{
    [RouteParam]
    public string Section { get; init; } = "";

    [RouteParam]
    public Guid Id { get; init; }
}
