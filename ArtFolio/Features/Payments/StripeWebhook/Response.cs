using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Payments.StripeWebhook;

/// <summary>The acknowledgement Stripe needs (any 2xx).</summary>
/// <param name="Received">Always true.</param>
/// <param name="Duplicate">Whether this event id was applied before (a retry or replay): nothing changed now.</param>
public sealed record Response(bool Received, bool Duplicate) : IHasExample<Response>
{
    public static Response Example { get; } = new(true, false);
}
