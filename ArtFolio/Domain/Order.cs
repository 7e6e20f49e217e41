namespace ArtFolio.Domain;

/// <summary>
/// One purchase of one artwork by one buyer, from the checkout that started it to its end: paid,
/// cancelled or refunded. Stripe's webhooks move it; each move is one conditional update, so an event
/// applied twice (or two events racing) changes it once.
/// </summary>
public sealed class Order
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Null once the artwork is deleted (an artist's account deletion): the record stays for the buyer and the books.</summary>
    public Guid? ArtworkId { get; init; }

    /// <summary>The artwork's title when it was bought, kept for the record.</summary>
    public required string ArtworkTitle { get; init; }

    /// <summary>Null once the buyer deleted their account.</summary>
    public Guid? BuyerId { get; init; }
    public User? Buyer { get; init; }

    /// <summary>Null once the artist deleted their account.</summary>
    public Guid? ArtistId { get; init; }

    /// <summary>The price asked at checkout, in minor units of <see cref="Currency"/>: a later price change does not touch it.</summary>
    public long AmountCents { get; init; }

    /// <summary>ISO 4217, lower-case, as Stripe writes it.</summary>
    public required string Currency { get; init; }

    public OrderStatus Status { get; set; }

    /// <summary>Why it was cancelled or refunded: one of <see cref="OrderReasons"/>.</summary>
    public string? Reason { get; set; }

    /// <summary>The buyer's <c>Idempotency-Key</c>: unique per buyer, so a retried checkout finds this order.</summary>
    public string? IdempotencyKey { get; init; }

    public string? CheckoutSessionId { get; set; }
    public string? CheckoutUrl { get; set; }
    public DateTime? CheckoutExpiresAt { get; set; }

    /// <summary>Stripe's payment, known once paid: what a refund refers to.</summary>
    public string? PaymentIntentId { get; set; }

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime? RefundedAt { get; set; }
}

public enum OrderStatus
{
    /// <summary>Checkout started; Stripe has not said it was paid.</summary>
    Pending,

    /// <summary>Paid and counted as a sale: the buyer may download the original.</summary>
    Paid,

    /// <summary>The checkout expired or failed; nothing was paid.</summary>
    Cancelled,

    /// <summary>Paid but not sold (sold out, or already owned): a refund is on its way.</summary>
    RefundPending,

    /// <summary>The money went back; the buyer no longer has the original.</summary>
    Refunded,
}

public static class OrderReasons
{
    public const string Expired = "checkout_expired";
    public const string PaymentFailed = "payment_failed";
    public const string SoldOut = "sold_out";
    public const string AlreadyOwned = "already_owned";
    public const string NoLongerForSale = "no_longer_for_sale";
    public const string ChargeRefunded = "charge_refunded";
}

/// <summary>A Stripe event id seen once: a retried or replayed delivery of it changes nothing.</summary>
public sealed class PaymentEvent
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public DateTime ReceivedAt { get; init; }
}
