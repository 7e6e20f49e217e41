using FastEndpoints;

namespace ArtFolio.Features.Orders.Get;

public sealed record Request
{
    /// <summary>The order, from the route.</summary>
    [RouteParam]
    public Guid Id { get; init; }
}
