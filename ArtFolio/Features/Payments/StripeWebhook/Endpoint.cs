using ArtFolio.Domain;
using ArtFolio.Features.Orders;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Payments;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Stripe;

namespace ArtFolio.Features.Payments.StripeWebhook;

public sealed class Endpoint(StripePayments stripe, OrderLedger ledger, ILogger<Endpoint> logger)
    : EndpointWithoutRequest<Results<Ok<Response>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("payments/stripe/webhook");
        AllowAnonymous();
        Description(endpoint =>
            endpoint
                .Accepts<object>("application/json")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        );
        Summary(s =>
        {
            s.Summary = "Stripe's events about checkouts and payments (for Stripe only)";
            s.Description =
                "Checked with the Stripe-Signature header and the webhook secret: a payload it does not sign, a "
                + "signature older than Payments:WebhookTolerance, or a signed payload that is not an event, is a 400 "
                + "and changes nothing. Each event id is "
                + "applied once (Stripe retries and reorders): checkout.session.completed and "
                + "checkout.session.async_payment_succeeded pay an order (or queue its refund when sold out), "
                + "checkout.session.expired and checkout.session.async_payment_failed cancel it, charge.refunded "
                + "refunds it. Other events are acknowledged and ignored. 503 when payments are not configured.";
        });
    }

    public override async Task<Results<Ok<Response>, ProblemHttpResult>> ExecuteAsync(
        CancellationToken cancellationToken
    )
    {
        if (!stripe.IsConfigured)
            return OrderProblems.PaymentsNotConfigured();
        using var reader = new StreamReader(HttpContext.Request.Body);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        var delivery = stripe.ReadWebhook(payload, HttpContext.Request.Headers["Stripe-Signature"]);
        if (delivery.Event is not { } stripeEvent)
            return Problems.Result(StatusCodes.Status400BadRequest, delivery.Refusal!);

        var applied = await ledger.ApplyOnceAsync(
            stripeEvent.Id,
            stripeEvent.Type,
            ct => ApplyAsync(stripeEvent, ct),
            cancellationToken
        );
        logger.LogInformation(
            "Stripe event {EventId} ({Type}) {Outcome}",
            stripeEvent.Id,
            stripeEvent.Type,
            applied ? "applied" : "seen before, ignored"
        );
        return TypedResults.Ok(new Response(true, !applied));
    }

    private Task<Guid?> ApplyAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        if (stripeEvent.Data.Object is Charge charge)
            return stripeEvent.Type == EventTypes.ChargeRefunded && charge.Refunded
                // Refunded in full; a partial refund leaves the sale standing.
                ? ledger.RefundedAsync(OrderOf(charge.Metadata, null), charge.PaymentIntentId, cancellationToken)
                : Task.FromResult<Guid?>(null);
        if (
            stripeEvent.Data.Object is not Stripe.Checkout.Session session
            || OrderOf(session.Metadata, session.ClientReferenceId) is not { } orderId
        )
            return Task.FromResult<Guid?>(null); // not about one of our orders: recorded, left alone
        return stripeEvent.Type switch
        {
            // A session paid later (a bank debit) completes unpaid: its async event decides.
            EventTypes.CheckoutSessionCompleted when session.PaymentStatus == "paid" => ledger.PaidAsync(
                orderId,
                session.PaymentIntentId,
                cancellationToken
            ),
            EventTypes.CheckoutSessionAsyncPaymentSucceeded => ledger.PaidAsync(
                orderId,
                session.PaymentIntentId,
                cancellationToken
            ),
            EventTypes.CheckoutSessionExpired => ledger.CancelledAsync(
                orderId,
                OrderReasons.Expired,
                cancellationToken
            ),
            EventTypes.CheckoutSessionAsyncPaymentFailed => ledger.CancelledAsync(
                orderId,
                OrderReasons.PaymentFailed,
                cancellationToken
            ),
            _ => Task.FromResult<Guid?>(null),
        };
    }

    private static Guid? OrderOf(IDictionary<string, string>? metadata, string? reference) =>
        Guid.TryParse(
            metadata?.TryGetValue(StripePayments.OrderIdKey, out var id) == true ? id : reference,
            out var orderId
        )
            ? orderId
            : null;
}
