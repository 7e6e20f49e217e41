using ArtFolio.Infrastructure.Health;
using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Payments;

public static class PaymentsSetup
{
    public static PaymentsOptions AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<PaymentsOptions>(configuration, PaymentsOptions.Section);
        // Stripe.net retries by itself (with the idempotency key of the first attempt); the client's
        // timeout bounds each attempt.
        services.AddHttpClient(StripePayments.HttpClientName, client => client.Timeout = options.Timeout / 3);
        services.AddSingleton<StripePayments>();
        services.AddStatusCheck<PaymentsHealthCheck>("payments");
        return options;
    }
}
