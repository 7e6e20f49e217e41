using FastEndpoints;

namespace ArtFolio.Features.Artworks.Original;

/// <summary>The artwork named in the route.</summary>
public sealed record Request
{
    /// <summary>The artwork's id.</summary>
    [RouteParam]
    public Guid Id { get; init; }
}
