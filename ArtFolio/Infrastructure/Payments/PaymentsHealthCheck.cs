using ArtFolio.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtFolio.Infrastructure.Payments;

/// <summary>
/// Payments as the last call to Stripe left them, never calling Stripe from here: no keys is Disabled,
/// a last call that failed is Degraded (checkouts answer 503 while it lasts).
/// </summary>
public sealed class PaymentsHealthCheck(PaymentsOptions options, StripePayments stripe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    ) =>
        Task.FromResult(
            !options.IsConfigured
                ? StatusChecks.Disabled(
                    "stripe; not configured (Payments:StripeSecretKey, Payments:StripeWebhookSecret)"
                )
            : stripe.FailingSince is { } since
                ? HealthCheckResult.Degraded($"stripe ({options.Mode} mode); calls failing since {since.UtcDateTime:O}")
            : HealthCheckResult.Healthy($"stripe ({options.Mode} mode, {options.Currency})")
        );
}
