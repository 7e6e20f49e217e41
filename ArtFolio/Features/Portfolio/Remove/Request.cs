using FastEndpoints;

namespace ArtFolio.Features.Portfolio.Remove;

/// <summary>The section and entry named in the route.</summary>
public sealed record Request
{
    /// <summary>The portfolio section the entry is in.</summary>
    [RouteParam]
    public string Section { get; init; } = "";

    /// <summary>The entry's id.</summary>
    [RouteParam]
    public Guid Id { get; init; }
}
