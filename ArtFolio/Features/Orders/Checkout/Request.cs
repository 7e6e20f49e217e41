using FastEndpoints;

namespace ArtFolio.Features.Orders.Checkout;

public sealed record Request
{
    /// <summary>The artwork to buy, from the route.</summary>
    [RouteParam]
    public Guid Id { get; init; }

    /// <summary>
    /// Optional, recommended: any unique text (a UUID) the client makes once per purchase attempt and sends
    /// again on every retry of it; a retry then answers the same order instead of starting another checkout.
    /// </summary>
    [FromHeader("Idempotency-Key", IsRequired = false)]
    public string? IdempotencyKey { get; init; }
}
