using FastEndpoints;

namespace ArtFolio.Features.Downloads.Record;

/// <summary>The artwork named in the route.</summary>
public sealed record Request
{
    /// <summary>The artwork's id.</summary>
    [RouteParam]
    public Guid Id { get; init; }
}
