using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Payments;

public sealed class PaymentsOptions : ICheckedSettings
{
    public const string Section = "Payments";

    /// <summary>The one currency of every price and order in this deployment (ISO 4217; Stripe writes it lower-case).</summary>
    public string Currency { get; set; } = "usd";

    /// <summary>Stripe's secret API key (<c>sk_test_...</c> or <c>sk_live_...</c>). None: checkout answers 503 and /status shows payments disabled.</summary>
    public string? StripeSecretKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (<c>whsec_...</c>), from the Stripe dashboard or <c>stripe listen</c>.</summary>
    public string? StripeWebhookSecret { get; set; }

    /// <summary>Stripe's API address; tests point it at a fake.</summary>
    public string StripeApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>How long a buyer has to pay once checkout starts: Stripe allows 30 minutes to 24 hours.</summary>
    public TimeSpan CheckoutLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one call to Stripe may take, its own retries included, before checkout answers 503.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How old a webhook's signed timestamp may be: an older (replayed) delivery is refused.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(StripeSecretKey) && !string.IsNullOrWhiteSpace(StripeWebhookSecret);

    /// <summary>Test or live, from the key's prefix (<c>sk_live_</c>, or a restricted <c>rk_live_</c>), for /status (never the key).</summary>
    public string Mode => StripeSecretKey?.Contains("_live_", StringComparison.Ordinal) == true ? "live" : "test";

    public IEnumerable<string> Problems()
    {
        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterLower))
            yield return $"Currency: '{Currency}' is not a lower-case ISO 4217 code such as usd or eur";
        if (!Uri.TryCreate(StripeApiBase, UriKind.Absolute, out _))
            yield return "StripeApiBase: must be an absolute URL";
        if (CheckoutLifetime < TimeSpan.FromMinutes(30) || CheckoutLifetime > TimeSpan.FromHours(24))
            yield return "CheckoutLifetime: Stripe allows 00:30:00 to 1.00:00:00";
        if (Timeout <= TimeSpan.Zero)
            yield return "Timeout: must be positive";
        if (WebhookTolerance <= TimeSpan.Zero)
            yield return "WebhookTolerance: must be positive";
        if (string.IsNullOrWhiteSpace(StripeSecretKey) != string.IsNullOrWhiteSpace(StripeWebhookSecret))
            yield return "StripeSecretKey and StripeWebhookSecret: set both or neither";
    }
}
