using ArtFolio.Domain;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Auth;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Payments;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Orders.Checkout;

public sealed class Endpoint(
    AppDbContext db,
    StripePayments stripe,
    PaymentsOptions payments,
    AppOptions app,
    EndpointLinks links,
    TimeProvider clock,
    ILogger<Endpoint> logger
) : Endpoint<Request, Results<Created<OrderResponse>, Ok<OrderResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("artworks/{id:guid}/checkout");
        Description(endpoint =>
            endpoint
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        );
        Summary(s =>
        {
            s.Summary = "Start buying an artwork: a pending order and Stripe's payment page";
            s.Description =
                "Answers 201 with the order and its checkoutUrl (Stripe Checkout): send the buyer there. The order "
                + "becomes paid only when Stripe's webhook says so, never because the buyer came back; poll "
                + "GET /orders/{id} on the success page. With an Idempotency-Key, a retry answers 200 with the same "
                + "order (Idempotent-Replayed: true); the same key for another artwork is a 422, and while the first "
                + "request is still running a 409 with Retry-After. 409 (with a code) for your own artwork "
                + "(own_artwork), one not for sale (not_for_sale), sold out (sold_out) or already yours "
                + "(already_owned); 404 for an unknown artwork; 503 when payments are not configured or Stripe "
                + "cannot be reached (nothing is kept; try again).";
        });
    }

    public override async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        if (!stripe.IsConfigured)
            return OrderProblems.PaymentsNotConfigured();
        var me = User.UserId();
        if (
            request.IdempotencyKey is { } key
            && await RetriedAsync(me, key, request.Id, cancellationToken) is { } retried
        )
            return retried;

        var artwork = await db
            .Artworks.AsNoTracking()
            .Where(a => a.Id == request.Id)
            .Select(a => new
            {
                a.ArtistId,
                a.Title,
                a.PriceCents,
                a.SalesStopped,
                a.EditionSize,
                a.SoldCount,
                a.ThumbnailUrl,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (artwork is null)
            return ArtworkProblems.NotFound();
        if (artwork.ArtistId == me)
            return Conflict("You cannot buy your own artwork.", "own_artwork");
        if (artwork.PriceCents is not { } amount || amount < Money.MinimumSaleCents || artwork.SalesStopped)
            return Conflict("This artwork is not for sale.", "not_for_sale");
        if (artwork.EditionSize is { } size && artwork.SoldCount >= size)
            return Conflict("Every copy of this artwork is sold.", "sold_out");
        if (await db.Orders.OwnedAsync(me, request.Id, cancellationToken))
            return Conflict("You already own this artwork: download it from your orders.", "already_owned");

        var now = clock.GetUtcNow().UtcDateTime;
        var order = new Domain.Order
        {
            ArtworkId = request.Id,
            ArtworkTitle = artwork.Title,
            BuyerId = me,
            ArtistId = artwork.ArtistId,
            AmountCents = amount,
            Currency = payments.Currency,
            Status = OrderStatus.Pending,
            IdempotencyKey = request.IdempotencyKey,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same key, at the same moment, from another request of this buyer: it made the order.
            db.ChangeTracker.Clear();
            return await RetriedAsync(me, request.IdempotencyKey!, request.Id, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency key collided with an order that is gone.", e);
        }

        var site = app.PublicBaseUrl.TrimEnd('/');
        var buyerEmail = await db.Users.Where(u => u.Id == me).Select(u => u.Email).SingleAsync(cancellationToken);
        CheckoutSession session;
        try
        {
            // Not the request's token: once asked, Stripe's answer is kept even if the caller hangs up.
            session = await stripe.CreateCheckoutAsync(
                new CheckoutRequest(
                    order.Id,
                    artwork.Title,
                    amount,
                    buyerEmail,
                    $"{site}/orders/{order.Id}?checkout=success",
                    $"{site}/artworks/{request.Id}?checkout=cancelled"
                ),
                CancellationToken.None
            );
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning(e, "Checkout of artwork {ArtworkId} failed at Stripe", request.Id);
            // The buyer never saw a payment page: the order goes, and the key may be used again.
            await db.Orders.Where(o => o.Id == order.Id).ExecuteDeleteAsync(CancellationToken.None);
            HttpContext.Response.Headers.RetryAfter = "5";
            return Problems.Result(
                StatusCodes.Status503ServiceUnavailable,
                "The payment provider cannot be reached just now; nothing was charged. Try again shortly.",
                "payments_unavailable"
            );
        }
        order.CheckoutSessionId = session.Id;
        order.CheckoutUrl = session.Url;
        order.CheckoutExpiresAt = session.ExpiresAt;
        order.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        // Answered as stored (times at the database's precision), exactly as a retry will answer it.
        var stored = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id, CancellationToken.None);
        return TypedResults.Created(
            links.PathTo<Get.Endpoint>(new { order.Id }),
            OrderResponse.From(stored, artwork.ThumbnailUrl)
        );
    }

    /// <summary>
    /// The answer to a retry: the order this buyer made with this key (200), a 422 if the key was for
    /// another artwork, a 409 while the first request is still talking to Stripe; null if the key is new.
    /// </summary>
    private async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ProblemHttpResult>?> RetriedAsync(
        Guid me,
        string key,
        Guid artworkId,
        CancellationToken cancellationToken
    )
    {
        var row = await db
            .Orders.AsNoTracking()
            .Where(o => o.BuyerId == me && o.IdempotencyKey == key)
            .WithThumbnails(db)
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var order = row.Order;
        if (order.ArtworkId != artworkId)
            return Problems.Result(
                StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was already used to buy another artwork; make a new key for each purchase.",
                "idempotency_key_reused"
            );
        if (order.CheckoutSessionId is null && order.CreatedAt < clock.GetUtcNow().UtcDateTime - 2 * payments.Timeout)
        {
            // Its request died before Stripe answered (the instance stopped): nobody saw a payment page.
            await db
                .Orders.Where(o => o.Id == order.Id && o.CheckoutSessionId == null)
                .ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        if (order.CheckoutSessionId is null)
        {
            HttpContext.Response.Headers.RetryAfter = "1";
            return Problems.Result(
                StatusCodes.Status409Conflict,
                "A checkout with this Idempotency-Key is still being started; retry in a moment.",
                "checkout_in_progress"
            );
        }
        HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(row.ToResponse());
    }

    private static ProblemHttpResult Conflict(string detail, string code) =>
        Problems.Result(StatusCodes.Status409Conflict, detail, code);
}
