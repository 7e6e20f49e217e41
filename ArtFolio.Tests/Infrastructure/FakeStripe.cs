using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>One request the fake received: its path, its form fields and its idempotency key.</summary>
public sealed record StripeCall(string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey);

/// <summary>
/// A stand-in for api.stripe.com on 127.0.0.1: Checkout Sessions and refunds in Stripe's shapes
/// (form-encoded requests, JSON objects and errors), bearer-key authentication, and Stripe's
/// idempotency (a repeated key answers the first answer). <see cref="Down"/> makes every call a 500
/// api_error, as during an outage. It also plays Stripe's webhook side: events about the sessions it
/// made, signed as Stripe signs them (<see cref="Sign"/>).
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake_0123456789abcdef";
    public const string WebhookSecret = "whsec_fake_webhook_secret_0123456789";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<StripeCall> calls = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> answered = new();
    private readonly ConcurrentDictionary<string, FakeSession> sessions = new();
    private readonly ConcurrentDictionary<string, string> refundedIntents = new();

    private FakeStripe(WebApplication app) => this.app = app;

    /// <summary>A session as the fake made it.</summary>
    public sealed record FakeSession(
        string Id,
        string OrderId,
        string PaymentIntentId,
        long Amount,
        string Currency,
        string SuccessUrl,
        string CancelUrl,
        string? CustomerEmail,
        string ProductName,
        long ExpiresAt
    );

    public string BaseUrl => app.Urls.First();

    /// <summary>Every call answers 500 api_error while true.</summary>
    public bool Down { get; set; }

    public IReadOnlyList<StripeCall> Calls => [.. calls];

    public IReadOnlyList<StripeCall> CallsTo(string path) => [.. calls.Where(c => c.Path == path)];

    public FakeSession SessionOf(Guid orderId) => sessions.Values.Single(s => s.OrderId == orderId.ToString());

    /// <summary>Settings for a TestApp that uses this fake.</summary>
    public Dictionary<string, string?> Settings() =>
        new()
        {
            ["Payments:StripeSecretKey"] = SecretKey,
            ["Payments:StripeWebhookSecret"] = WebhookSecret,
            ["Payments:StripeApiBase"] = BaseUrl,
            ["Payments:Timeout"] = "00:00:06",
        };

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.Run(async http =>
        {
            var form = http.Request.HasFormContentType
                ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
                : [];
            var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
            fake.calls.Enqueue(new StripeCall(http.Request.Path.Value!, form, key));
            if (http.Request.Headers.Authorization != $"Bearer {SecretKey}")
            {
                await WriteAsync(http, 401, Error("invalid_request_error", "Invalid API Key provided."));
                return;
            }
            if (fake.Down)
            {
                await WriteAsync(http, 500, Error("api_error", "An unexpected error occurred."));
                return;
            }
            // Stripe's idempotency: the first answer to a key is every later answer to it.
            if (key is not null && fake.answered.TryGetValue(key, out var first))
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
                await WriteAsync(http, first.Status, first.Body);
                return;
            }
            var (status, body) = http.Request.Path.Value switch
            {
                "/v1/checkout/sessions" when http.Request.Method == "POST" => fake.CreateSession(form),
                "/v1/refunds" when http.Request.Method == "POST" => fake.Refund(form),
                _ => (404, Error("invalid_request_error", "Unrecognized request URL.")),
            };
            if (key is not null)
                fake.answered.TryAdd(key, (status, body));
            await WriteAsync(http, status, body);
        });
        await app.StartAsync();
        return fake;
    }

    private (int, string) CreateSession(Dictionary<string, string> form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) ? value : null;
        if (
            Field("mode") != "payment"
            || Field("success_url") is not { } success
            || Field("cancel_url") is not { } cancel
            || Field("line_items[0][price_data][unit_amount]") is not { } amountText
            || Field("line_items[0][price_data][currency]") is not { } currency
            || Field("line_items[0][price_data][product_data][name]") is not { } name
            || Field("metadata[order_id]") is not { } orderId
            || Field("expires_at") is not { } expiresText
        )
            return (400, Error("invalid_request_error", "Missing required param."));
        var amount = long.Parse(amountText);
        var expiresAt = long.Parse(expiresText);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (expiresAt < now + 1800 - 60 || expiresAt > now + 86400 + 60)
            return (400, Error("invalid_request_error", "expires_at must be 30 minutes to 24 hours from now."));
        if (amount < 50)
            return (
                400,
                Error(
                    "invalid_request_error",
                    "The Checkout Session's total amount due must add up to at least $0.50 usd"
                )
            );
        var id = "cs_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var session = new FakeSession(
            id,
            orderId,
            "pi_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            amount,
            currency,
            success,
            cancel,
            Field("customer_email"),
            name,
            expiresAt
        );
        sessions[id] = session;
        return (200, JsonSerializer.Serialize(SessionObject(session, "open", "unpaid", withIntent: false)));
    }

    private (int, string) Refund(Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("payment_intent") is not { } intent)
            return (400, Error("invalid_request_error", "Missing required param: payment_intent."));
        var session = sessions.Values.FirstOrDefault(s => s.PaymentIntentId == intent);
        if (session is null)
            return (400, Error("invalid_request_error", $"No such payment_intent: '{intent}'", "resource_missing"));
        var refundId = "re_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        if (!refundedIntents.TryAdd(intent, refundId))
            return (
                400,
                Error("invalid_request_error", "Charge has already been refunded.", "charge_already_refunded")
            );
        return (
            200,
            JsonSerializer.Serialize(
                new Dictionary<string, object?>
                {
                    ["id"] = refundId,
                    ["object"] = "refund",
                    ["amount"] = session.Amount,
                    ["currency"] = session.Currency,
                    ["payment_intent"] = intent,
                    ["status"] = "succeeded",
                    ["metadata"] = form.Where(f => f.Key.StartsWith("metadata["))
                        .ToDictionary(f => f.Key[9..^1], f => f.Value),
                }
            )
        );
    }

    /// <summary>How many payments were refunded.</summary>
    public int RefundCount => refundedIntents.Count;

    public bool WasRefunded(Guid orderId) => refundedIntents.ContainsKey(SessionOf(orderId).PaymentIntentId);

    // Events, as Stripe sends them to the webhook.

    public string CompletedEvent(Guid orderId, string paymentStatus = "paid") =>
        Event(
            "checkout.session.completed",
            SessionObject(SessionOf(orderId), "complete", paymentStatus, withIntent: true)
        );

    public string AsyncSucceededEvent(Guid orderId) =>
        Event(
            "checkout.session.async_payment_succeeded",
            SessionObject(SessionOf(orderId), "complete", "paid", withIntent: true)
        );

    public string ExpiredEvent(Guid orderId) =>
        Event("checkout.session.expired", SessionObject(SessionOf(orderId), "expired", "unpaid", withIntent: false));

    public string RefundedEvent(Guid orderId, bool full = true)
    {
        var session = SessionOf(orderId);
        return Event(
            "charge.refunded",
            new Dictionary<string, object?>
            {
                ["id"] = "ch_" + session.PaymentIntentId[3..],
                ["object"] = "charge",
                ["amount"] = session.Amount,
                ["amount_refunded"] = full ? session.Amount : session.Amount / 2,
                ["currency"] = session.Currency,
                ["payment_intent"] = session.PaymentIntentId,
                ["refunded"] = full,
                ["paid"] = true,
                ["metadata"] = new Dictionary<string, string> { ["order_id"] = session.OrderId },
            }
        );
    }

    /// <summary>An event of another kind Stripe may send; the API acknowledges and ignores it.</summary>
    public static string OtherEvent() =>
        Event(
            "customer.created",
            new Dictionary<string, object?>
            {
                ["id"] = "cus_" + Guid.NewGuid().ToString("N")[..14],
                ["object"] = "customer",
            }
        );

    /// <summary>
    /// Stripe's <c>Stripe-Signature</c> header: <c>t={unix time},v1={hex HMAC-SHA256 of "{t}.{payload}"}</c>,
    /// keyed with the whole webhook secret, written here from Stripe's documentation rather than Stripe.net.
    /// </summary>
    public static string Sign(string payload, DateTimeOffset? at = null, string secret = WebhookSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    private static string Event(string type, object data) =>
        JsonSerializer.Serialize(
            new Dictionary<string, object?>
            {
                ["id"] = "evt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
                ["object"] = "event",
                // The account's version, not necessarily the library's: the API must not care.
                ["api_version"] = "2024-06-20",
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["livemode"] = false,
                ["pending_webhooks"] = 1,
                ["type"] = type,
                ["request"] = new Dictionary<string, object?> { ["id"] = null, ["idempotency_key"] = null },
                ["data"] = new Dictionary<string, object?> { ["object"] = data },
            }
        );

    private static Dictionary<string, object?> SessionObject(
        FakeSession session,
        string status,
        string paymentStatus,
        bool withIntent
    ) =>
        new()
        {
            ["id"] = session.Id,
            ["object"] = "checkout.session",
            ["mode"] = "payment",
            ["status"] = status,
            ["payment_status"] = paymentStatus,
            ["amount_total"] = session.Amount,
            ["currency"] = session.Currency,
            ["client_reference_id"] = session.OrderId,
            ["customer_email"] = session.CustomerEmail,
            ["metadata"] = new Dictionary<string, string> { ["order_id"] = session.OrderId },
            ["payment_intent"] = withIntent ? session.PaymentIntentId : null,
            ["success_url"] = session.SuccessUrl,
            ["cancel_url"] = session.CancelUrl,
            ["expires_at"] = session.ExpiresAt,
            ["url"] = status == "open" ? $"https://checkout.stripe.com/c/pay/{session.Id}" : null,
        };

    private static string Error(string type, string message, string? code = null) =>
        JsonSerializer.Serialize(
            new Dictionary<string, object?>
            {
                ["error"] = new Dictionary<string, object?>
                {
                    ["type"] = type,
                    ["message"] = message,
                    ["code"] = code,
                },
            }
        );

    private static async Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.Headers["Request-Id"] = "req_" + Guid.NewGuid().ToString("N")[..14];
        await http.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
