using Stripe;
using Stripe.Checkout;

namespace ArtFolio.Infrastructure.Payments;

/// <summary>What checkout asks Stripe for.</summary>
/// <param name="OrderId">Our order: Stripe's idempotency key and the session's reference, so a webhook finds the order.</param>
/// <param name="Title">What the buyer sees on Stripe's page.</param>
/// <param name="AmountCents">The price in minor units.</param>
/// <param name="BuyerEmail">Filled in on Stripe's page.</param>
/// <param name="SuccessUrl">Where Stripe sends the buyer after paying.</param>
/// <param name="CancelUrl">Where Stripe sends the buyer who goes back.</param>
public sealed record CheckoutRequest(
    Guid OrderId,
    string Title,
    long AmountCents,
    string BuyerEmail,
    string SuccessUrl,
    string CancelUrl
);

/// <summary>The Checkout Session Stripe made.</summary>
public sealed record CheckoutSession(string Id, string Url, DateTime ExpiresAt);

/// <summary>A webhook delivery as read: its event, or why it was refused.</summary>
public sealed record WebhookDelivery(Event? Event, string? Refusal)
{
    public static WebhookDelivery Refused(string why) => new(null, why);
}

/// <summary>Stripe could not be reached or refused the call; nothing of ours depends on its answer.</summary>
public sealed class PaymentProviderException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Our one door to Stripe, through Stripe.net: creating checkout sessions, refunding, and reading
/// webhooks. Every call that changes something at Stripe carries an idempotency key made from our
/// order, so a retry (Stripe.net's own, or ours after a timeout) never charges or refunds twice.
/// </summary>
public sealed class StripePayments(PaymentsOptions options, IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "stripe";

    /// <summary>Where a session's and a payment's metadata keep our order id.</summary>
    public const string OrderIdKey = "order_id";

    private readonly Lazy<StripeClient> client = new(() =>
        new StripeClient(
            options.StripeSecretKey,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), maxNetworkRetries: 2),
            apiBase: options.StripeApiBase.TrimEnd('/')
        )
    );

    private DateTimeOffset? lastFailure;
    private DateTimeOffset? lastSuccess;

    public bool IsConfigured => options.IsConfigured;

    /// <summary>When the last call failed, if it did and none has succeeded since: for /status.</summary>
    public DateTimeOffset? FailingSince => lastFailure > (lastSuccess ?? DateTimeOffset.MinValue) ? lastFailure : null;

    public async Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string> { [OrderIdKey] = request.OrderId.ToString() };
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.OrderId.ToString(),
            CustomerEmail = request.BuyerEmail,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            ExpiresAt = clock.GetUtcNow().UtcDateTime + options.CheckoutLifetime,
            Metadata = metadata,
            // Copied onto the payment, so a refund's event names the order too.
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = options.Currency,
                        UnitAmount = request.AmountCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Title },
                    },
                },
            ],
        };
        var session = await CallAsync(
            () =>
                new SessionService(client.Value).CreateAsync(
                    create,
                    new RequestOptions { IdempotencyKey = $"checkout-{request.OrderId}" },
                    cancellationToken
                ),
            "create a checkout session",
            cancellationToken
        );
        return new CheckoutSession(session.Id, session.Url, session.ExpiresAt.ToUniversalTime());
    }

    /// <summary>Refunds an order's payment in full; asking again for the same order refunds nothing more.</summary>
    public async Task<string> RefundAsync(Guid orderId, string paymentIntentId, CancellationToken cancellationToken)
    {
        var refund = await CallAsync(
            () =>
                new RefundService(client.Value).CreateAsync(
                    new RefundCreateOptions
                    {
                        PaymentIntent = paymentIntentId,
                        Metadata = new Dictionary<string, string> { [OrderIdKey] = orderId.ToString() },
                    },
                    new RequestOptions { IdempotencyKey = $"refund-{orderId}" },
                    cancellationToken
                ),
            "refund a payment",
            cancellationToken
        );
        return refund.Id;
    }

    /// <summary>
    /// The event in a webhook delivery, if its <c>Stripe-Signature</c> is the webhook secret's over this
    /// very payload, not older than the tolerance, and the payload is an event; else why it is refused.
    /// The signature is checked before anything of the payload is read.
    /// </summary>
    public WebhookDelivery ReadWebhook(string payload, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
            return WebhookDelivery.Refused("The Stripe-Signature header is missing.");
        try
        {
            EventUtility.ValidateSignature(
                payload,
                signature,
                options.StripeWebhookSecret,
                (long)options.WebhookTolerance.TotalSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds()
            );
        }
        catch (StripeException)
        {
            return WebhookDelivery.Refused(
                "The Stripe-Signature header does not sign this payload with this endpoint's secret, or is too old."
            );
        }
        try
        {
            // The event's API version may differ from the library's (it is the account's): we read
            // a few stable fields of it, so a difference is not a reason to refuse it.
            return new WebhookDelivery(EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false), null);
        }
        // Signed, yet not an event Stripe.net can read (malformed JSON, an array, a field of the wrong type):
        // whatever the parser throws, it says the same thing.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return WebhookDelivery.Refused("The payload is not a Stripe event.");
        }
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call, string what, CancellationToken cancellationToken)
    {
        try
        {
            var result = await call();
            lastSuccess = clock.GetUtcNow();
            return result;
        }
        catch (Exception e)
            when (e is StripeException or HttpRequestException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            )
        {
            lastFailure = clock.GetUtcNow();
            throw new PaymentProviderException($"Stripe could not {what}: {Describe(e)}", e);
        }
    }

    // Stripe's own message (never a key: Stripe does not echo it) or the transport's.
    private static string Describe(Exception e) =>
        e is StripeException stripe
            ? $"{(int)stripe.HttpStatusCode} {stripe.StripeError?.Type} {stripe.StripeError?.Message}".Trim()
            : e.Message;
}
