using FastEndpoints;

namespace ArtFolio.Features.Notifications.Read;

/// <summary>The notification named in the route.</summary>
public sealed record Request
{
    /// <summary>The notification's id.</summary>
    [RouteParam]
    public Guid Id { get; init; }
}
