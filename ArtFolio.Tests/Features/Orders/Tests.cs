using System.Net;
using ArtFolio.Domain;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Orders;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Orders;

using DeleteAccount = ArtFolio.Features.Users.DeleteAccount;
using GetArtwork = ArtFolio.Features.Artworks.Get;
using GetOrder = ArtFolio.Features.Orders.Get;
using Inbox = ArtFolio.Features.Notifications.List;
using List = ArtFolio.Features.Orders.List;
using Original = ArtFolio.Features.Artworks.Original;
using Sales = ArtFolio.Features.Orders.Sales;
using Status = ArtFolio.Features.Operations.Status;

/// <summary>Buying art: checkout through a fake Stripe, webhooks signed as Stripe signs them, orders, sales and downloads.</summary>
public sealed class Tests
{
    private static async Task<OrderResponse> OrderAsync(TestUser buyer, Guid orderId)
    {
        var (response, order) = await buyer.Client.GETAsync<GetOrder.Endpoint, GetOrder.Request, OrderResponse>(
            new() { Id = orderId }
        );
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return order;
    }

    private static async Task<ArtworkResponse> ArtworkAsync(TestApp app, Guid id) =>
        (
            await app.Anonymous.GETAsync<GetArtwork.Endpoint, GetArtwork.Request, ArtworkResponse>(new() { Id = id })
        ).Result;

    private static Task<TestResult<Original.Response>> OriginalAsync(TestUser user, Guid artworkId) =>
        user.Client.GETAsync<Original.Endpoint, Original.Request, Original.Response>(new() { Id = artworkId });

    [Theory, AllDatabases]
    public async Task A_paid_checkout_makes_a_sale_the_buyer_downloads_and_the_artist_sees(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (artist, artwork) = await market.ForSaleAsync("25.00");
        var buyer = await market.App.CreateUserAsync("buyer");
        var stranger = await market.App.CreateUserAsync("stranger");

        artwork.ForSale.ShouldBeTrue();
        (artwork.Price, artwork.Currency, artwork.Sold, artwork.SoldOut, artwork.EditionSize).ShouldBe(
            (25.00m, "usd", 0, false, (int?)null)
        );

        var (response, order) = await Market.CheckoutAsync(buyer, artwork.Id);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/orders/{order!.Id}");
        (order.Status, order.Amount, order.Currency, order.Artwork.Id).ShouldBe(
            ("pending", 25.00m, "usd", (Guid?)artwork.Id)
        );
        var session = market.Stripe.SessionOf(order.Id);
        order.CheckoutUrl.ShouldBe($"https://checkout.stripe.com/c/pay/{session.Id}");
        // What Stripe was asked: the price, the currency, our order, the buyer, and our front end's pages.
        (session.Amount, session.Currency, session.ProductName, session.CustomerEmail).ShouldBe(
            (2500L, "usd", "Harbor print", buyer.Email)
        );
        session.SuccessUrl.ShouldBe($"https://front.example/orders/{order.Id}?checkout=success");
        session.CancelUrl.ShouldBe($"https://front.example/artworks/{artwork.Id}?checkout=cancelled");
        market.Stripe.CallsTo("/v1/checkout/sessions").Single().IdempotencyKey.ShouldBe($"checkout-{order.Id}");

        // Coming back to the success page proves nothing: only the webhook pays.
        (await OrderAsync(buyer, order.Id)).Status.ShouldBe("pending");
        (await OriginalAsync(buyer, artwork.Id)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var delivered = await market.DeliveredAsync(market.Stripe.CompletedEvent(order.Id));
        delivered.Duplicate.ShouldBeFalse();

        var paid = await OrderAsync(buyer, order.Id);
        (paid.Status, paid.CheckoutUrl, paid.PaidAt).ShouldBe(("paid", null, paid.PaidAt));
        paid.PaidAt.ShouldNotBeNull();
        var (originalResponse, original) = await OriginalAsync(buyer, artwork.Id);
        originalResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var file = await buyer.Client.GetAsync(original.Url))
        {
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await file.Content.ReadAsByteArrayAsync()).Length.ShouldBe((int)original.Bytes);
        }
        (await OriginalAsync(stranger, artwork.Id)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var after = await ArtworkAsync(market.App, artwork.Id);
        (after.Sold, after.ForSale).ShouldBe((1, true));

        var (_, purchases) = await buyer.Client.GETAsync<List.Endpoint, List.Query, Page<OrderResponse>>(
            new() { Status = "paid" }
        );
        purchases.Items.Select(o => o.Id).ShouldBe([order.Id]);
        var (_, sales) = await artist.Client.GETAsync<Sales.Endpoint, Sales.Query, Sales.Response>(new());
        var sale = sales.Items.ShouldHaveSingleItem();
        (sale.OrderId, sale.Status, sale.Buyer!.Username, sale.Amount).ShouldBe(
            (order.Id, "paid", buyer.Username, 25.00m)
        );
        sales.Totals.ShouldBe(new Sales.SalesTotals(1, 25.00m, "usd"));

        // The artist hears of it; nobody else sees who bought what.
        var inbox = await TestApp.EventuallyAsync(
            async () => (await artist.Client.GETAsync<Inbox.Endpoint, Inbox.Query, Inbox.Response>(new())).Result!,
            page => page.Items.Any(n => n.Type == NotificationTypes.Sale)
        );
        inbox.Items.ShouldContain(n => n.Type == NotificationTypes.Sale && n.ArtworkId == artwork.Id);
        (
            await stranger.Client.GETAsync<GetOrder.Endpoint, GetOrder.Request, OrderResponse>(new() { Id = order.Id })
        ).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (
            await stranger.Client.GETAsync<Sales.Endpoint, Sales.Query, Sales.Response>(new())
        ).Result.Items.ShouldBeEmpty();
        var publicJson = await (
            await market.App.Anonymous.GetAsync($"/api/v1/artworks/{artwork.Id}")
        ).Content.ReadAsStringAsync();
        publicJson.ShouldNotContain(buyer.Username);

        // Buying it again is refused: it is theirs.
        var (again, _) = await Market.CheckoutAsync(buyer, artwork.Id);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("already_owned");
    }

    [Theory, AllDatabases]
    public async Task Replayed_reordered_forged_and_stale_deliveries_change_nothing_twice(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (_, artwork) = await market.ForSaleAsync("40.00", editionSize: 5);
        var buyer = await market.App.CreateUserAsync("buyer");
        var order = await Market.StartCheckoutAsync(buyer, artwork.Id);
        var completed = market.Stripe.CompletedEvent(order.Id);

        // Forged: signed with another secret; tampered: the payload changed after signing; stale: signed 10 minutes ago.
        using (var forged = await market.DeliverAsync(completed, FakeStripe.Sign(completed, secret: "whsec_not_ours")))
            forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var tampered = await market.DeliverAsync(completed.Replace("40", "41"), FakeStripe.Sign(completed)))
            tampered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (
            var stale = await market.DeliverAsync(
                completed,
                FakeStripe.Sign(completed, DateTimeOffset.UtcNow.AddMinutes(-10))
            )
        )
            stale.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var unsigned = await market.DeliverAsync(completed, ""))
            unsigned.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Signed correctly but not an event (not JSON, or JSON of something else): refused too.
        foreach (var garbage in new[] { "{\"id\": ", "[1, 2, 3]" })
            using (var unreadable = await market.DeliverAsync(garbage))
            {
                unreadable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
                unreadable.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                (await unreadable.Content.ReadAsStringAsync()).ShouldContain("not a Stripe event");
            }
        (await OrderAsync(buyer, order.Id)).Status.ShouldBe("pending");
        (await market.App.QueryAsync(d => d.PaymentEvents.CountAsync())).ShouldBe(0);

        // The real delivery, then Stripe's retry of the same event: applied once.
        (await market.DeliveredAsync(completed)).Duplicate.ShouldBeFalse();
        (await market.DeliveredAsync(completed)).Duplicate.ShouldBeTrue();
        (await ArtworkAsync(market.App, artwork.Id)).Sold.ShouldBe(1);

        // A late "expired" for a paid session (out of order) leaves it paid.
        await market.DeliveredAsync(market.Stripe.ExpiredEvent(order.Id));
        (await OrderAsync(buyer, order.Id)).Status.ShouldBe("paid");

        // Events that are not about our orders are acknowledged and ignored.
        (await market.DeliveredAsync(FakeStripe.OtherEvent())).Duplicate.ShouldBeFalse();

        // A refund arriving before its payment's event (reordered): refunded, and the payment then changes nothing.
        var second = await market.App.CreateUserAsync("second");
        var early = await Market.StartCheckoutAsync(second, artwork.Id);
        await market.DeliveredAsync(market.Stripe.RefundedEvent(early.Id));
        await market.DeliveredAsync(market.Stripe.CompletedEvent(early.Id));
        (await OrderAsync(second, early.Id)).Status.ShouldBe("refunded");
        (await ArtworkAsync(market.App, artwork.Id)).Sold.ShouldBe(1);
        (await OriginalAsync(second, artwork.Id)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, AllDatabases]
    public async Task Two_events_paying_one_order_at_once_sell_one_copy(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (artist, artwork) = await market.ForSaleAsync("12.00", editionSize: 3);
        var buyer = await market.App.CreateUserAsync("buyer");
        var order = await Market.StartCheckoutAsync(buyer, artwork.Id);

        // Two different event ids that both say "paid" (a completion and an async success), delivered together.
        var deliveries = await Task.WhenAll(
            Enumerable
                .Range(0, 5)
                .SelectMany(_ =>
                    new[] { market.Stripe.CompletedEvent(order.Id), market.Stripe.AsyncSucceededEvent(order.Id) }
                )
                .Select(e => market.DeliverAsync(e))
        );
        foreach (var delivery in deliveries)
            delivery.StatusCode.ShouldBe(HttpStatusCode.OK, await delivery.Content.ReadAsStringAsync());

        (await OrderAsync(buyer, order.Id)).Status.ShouldBe("paid");
        (await ArtworkAsync(market.App, artwork.Id)).Sold.ShouldBe(1);
        var (_, sales) = await artist.Client.GETAsync<Sales.Endpoint, Sales.Query, Sales.Response>(new());
        sales.Totals.ShouldBe(new Sales.SalesTotals(1, 12.00m, "usd"));
        (await market.App.QueryAsync(d => d.Outbox.CountAsync(m => m.Topic == OrderLedger.RefundTopic))).ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task A_refund_from_Stripe_revokes_the_original_and_uncounts_the_sale(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (artist, artwork) = await market.ForSaleAsync("30.00", editionSize: 1);
        var buyer = await market.App.CreateUserAsync("buyer");
        var order = await market.BuyAsync(buyer, artwork.Id);
        (await ArtworkAsync(market.App, artwork.Id)).SoldOut.ShouldBeTrue();
        (await ArtworkAsync(market.App, artwork.Id)).ForSale.ShouldBeFalse();

        // A partial refund leaves the sale standing; a full one ends it.
        await market.DeliveredAsync(market.Stripe.RefundedEvent(order.Id, full: false));
        (await OrderAsync(buyer, order.Id)).Status.ShouldBe("paid");
        await market.DeliveredAsync(market.Stripe.RefundedEvent(order.Id));

        var refunded = await OrderAsync(buyer, order.Id);
        (refunded.Status, refunded.Reason).ShouldBe(("refunded", OrderReasons.ChargeRefunded));
        refunded.RefundedAt.ShouldNotBeNull();
        (await OriginalAsync(buyer, artwork.Id)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var after = await ArtworkAsync(market.App, artwork.Id);
        (after.Sold, after.SoldOut, after.ForSale).ShouldBe((0, false, true));
        var (_, sales) = await artist.Client.GETAsync<Sales.Endpoint, Sales.Query, Sales.Response>(new());
        sales.Items.ShouldHaveSingleItem().Status.ShouldBe("refunded");
        sales.Totals.ShouldBe(new Sales.SalesTotals(0, 0m, "usd"));
    }

    [Theory, AllDatabases]
    public async Task An_expired_checkout_is_cancelled(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (_, artwork) = await market.ForSaleAsync();
        var buyer = await market.App.CreateUserAsync("buyer");
        var order = await Market.StartCheckoutAsync(buyer, artwork.Id);

        await market.DeliveredAsync(market.Stripe.ExpiredEvent(order.Id));

        var cancelled = await OrderAsync(buyer, order.Id);
        (cancelled.Status, cancelled.Reason, cancelled.CheckoutUrl).ShouldBe(("cancelled", OrderReasons.Expired, null));
        // A delayed payment method that completes unpaid waits for its own outcome.
        var other = await Market.StartCheckoutAsync(await market.App.CreateUserAsync("other"), artwork.Id);
        await market.DeliveredAsync(market.Stripe.CompletedEvent(other.Id, paymentStatus: "unpaid"));
        (await market.App.QueryAsync(d => d.Orders.SingleAsync(o => o.Id == other.Id))).Status.ShouldBe(
            OrderStatus.Pending
        );
        await market.DeliveredAsync(market.Stripe.AsyncSucceededEvent(other.Id));
        (await market.App.QueryAsync(d => d.Orders.SingleAsync(o => o.Id == other.Id))).Status.ShouldBe(
            OrderStatus.Paid
        );
    }

    [Theory, AllDatabases]
    public async Task Fifty_concurrent_payments_for_the_last_copy_sell_it_once_and_refund_the_rest(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (artist, artwork) = await market.ForSaleAsync("15.00", editionSize: 1);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => market.App.CreateUserAsync($"b{i}")));
        var orders = await Task.WhenAll(buyers.Select(b => Market.StartCheckoutAsync(b, artwork.Id)));

        // Every buyer pays before any webhook arrives; Stripe delivers the 50 events at once.
        var events = orders.Select(o => market.Stripe.CompletedEvent(o.Id)).ToList();
        var responses = await Task.WhenAll(events.Select(e => market.DeliverAsync(e)));
        foreach (var response in responses)
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var statuses = await market.App.QueryAsync(d =>
            d.Orders.Where(o => o.ArtworkId == artwork.Id).Select(o => new { o.Status, o.Reason }).ToListAsync()
        );
        statuses.Count(s => s.Status == OrderStatus.Paid).ShouldBe(1);
        statuses
            .Where(s => s.Status != OrderStatus.Paid)
            .ShouldAllBe(s =>
                (s.Status == OrderStatus.RefundPending || s.Status == OrderStatus.Refunded)
                && s.Reason == OrderReasons.SoldOut
            );
        (await ArtworkAsync(market.App, artwork.Id)).Sold.ShouldBe(1);

        // The 49 are refunded through Stripe, each once, with the order's own idempotency key.
        await TestApp.EventuallyAsync(
            () =>
                market.App.QueryAsync(d =>
                    d.Orders.CountAsync(o => o.ArtworkId == artwork.Id && o.Status == OrderStatus.Refunded)
                ),
            n => n == 49,
            seconds: 30
        );
        market.Stripe.RefundCount.ShouldBe(49);
        var refundKeys = market.Stripe.CallsTo("/v1/refunds").Select(c => c.IdempotencyKey).ToList();
        refundKeys.Distinct().Count().ShouldBe(49);
        var paidOrder = await market.App.QueryAsync(d =>
            d.Orders.SingleAsync(o => o.ArtworkId == artwork.Id && o.Status == OrderStatus.Paid)
        );
        market.Stripe.WasRefunded(paidOrder.Id).ShouldBeFalse();
        var (_, sales) = await artist.Client.GETAsync<Sales.Endpoint, Sales.Query, Sales.Response>(new());
        sales.Totals.ShouldBe(new Sales.SalesTotals(1, 15.00m, "usd"));

        // Stripe's retries of all 50 change nothing.
        var retries = await Task.WhenAll(events.Select(e => market.DeliveredAsync(e)));
        retries.ShouldAllBe(r => r.Duplicate);
        (await ArtworkAsync(market.App, artwork.Id)).Sold.ShouldBe(1);
    }

    [Theory, AllDatabases]
    public async Task A_refund_waits_out_a_Stripe_outage_and_happens_once(Db db)
    {
        // The outbox is driven by hand here, to step past its back-off.
        await using var market = await Market.StartAsync(
            db,
            new Dictionary<string, string?> { ["Outbox:Dispatch"] = "false" }
        );
        var (_, artwork) = await market.ForSaleAsync("15.00", editionSize: 1);
        var first = await market.App.CreateUserAsync("first");
        var late = await market.App.CreateUserAsync("late");
        // Both start checkout while a copy is left (a checkout does not reserve it); the late one pays second.
        var firstOrder = await Market.StartCheckoutAsync(first, artwork.Id);
        var lateOrder = await Market.StartCheckoutAsync(late, artwork.Id);
        await market.DeliveredAsync(market.Stripe.CompletedEvent(firstOrder.Id));
        await market.DeliveredAsync(market.Stripe.CompletedEvent(lateOrder.Id)); // sold out: refund queued
        var stillPending = await OrderAsync(late, lateOrder.Id);
        (stillPending.Status, stillPending.Reason).ShouldBe(("refund_pending", OrderReasons.SoldOut));

        market.Stripe.Down = true;
        await market.DispatchOutboxAsync();
        (await OrderAsync(late, lateOrder.Id)).Status.ShouldBe("refund_pending");
        market.Stripe.RefundCount.ShouldBe(0);
        var attempts = market.Stripe.CallsTo("/v1/refunds");
        attempts.Count.ShouldBeGreaterThan(1); // Stripe.net retried...
        attempts.Select(c => c.IdempotencyKey).Distinct().ShouldBe([$"refund-{lateOrder.Id}"]); // ...with one key

        market.Stripe.Down = false;
        market.App.Clock.Advance(TimeSpan.FromMinutes(5)); // past the outbox's back-off
        await market.DispatchOutboxAsync();
        var refunded = await OrderAsync(late, lateOrder.Id);
        (refunded.Status, refunded.Reason).ShouldBe(("refunded", OrderReasons.SoldOut));
        market.Stripe.WasRefunded(lateOrder.Id).ShouldBeTrue();

        // Stripe's own charge.refunded for it then changes nothing, and the refund is not asked again.
        await market.DeliveredAsync(market.Stripe.RefundedEvent(lateOrder.Id));
        market.App.Clock.Advance(TimeSpan.FromHours(2));
        await market.DispatchOutboxAsync();
        market.Stripe.RefundCount.ShouldBe(1);
        (await ArtworkAsync(market.App, artwork.Id)).Sold.ShouldBe(1);
    }

    [Theory, AllDatabases]
    public async Task An_idempotency_key_makes_a_retried_checkout_the_same_order(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (_, artwork) = await market.ForSaleAsync();
        var (_, other) = await market.ForSaleAsync();
        var buyer = await market.App.CreateUserAsync("buyer");
        var key = Guid.NewGuid().ToString();

        var (first, order) = await Market.CheckoutAsync(buyer, artwork.Id, key);
        var (retry, same) = await Market.CheckoutAsync(buyer, artwork.Id, key);
        var (reused, _) = await Market.CheckoutAsync(buyer, other.Id, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        same.ShouldBe(order);
        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        market.Stripe.CallsTo("/v1/checkout/sessions").Count.ShouldBe(1);

        // Ten at once with one key: one order, one Stripe session; the others wait (409) or see it (200).
        var racingKey = Guid.NewGuid().ToString();
        var racer = await market.App.CreateUserAsync("racer");
        var results = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(_ => Market.CheckoutAsync(racer, other.Id, racingKey))
        );
        results
            .Select(r => r.Response.StatusCode)
            .ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        results.Count(r => r.Response.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        (await market.App.QueryAsync(d => d.Orders.CountAsync(o => o.IdempotencyKey == racingKey))).ShouldBe(1);

        // Another buyer's identical key is theirs alone.
        var (theirs, _) = await Market.CheckoutAsync(await market.App.CreateUserAsync("someone"), artwork.Id, key);
        theirs.StatusCode.ShouldBe(HttpStatusCode.Created);

        var (badKey, _) = await Market.CheckoutAsync(buyer, artwork.Id, new string('k', 300));
        badKey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, AllDatabases]
    public async Task Checkout_refuses_what_cannot_be_bought_with_clear_problems(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (artist, artwork) = await market.ForSaleAsync("25.00", editionSize: 1);
        var buyer = await market.App.CreateUserAsync("buyer");

        async Task ExpectAsync(TestUser who, Guid id, HttpStatusCode status, string? code)
        {
            var (response, _) = await Market.CheckoutAsync(who, id);
            response.StatusCode.ShouldBe(status);
            var body = await response.Content.ReadAsStringAsync();
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            if (code is not null)
                body.ShouldContain($"\"code\":\"{code}\"");
        }

        await ExpectAsync(artist, artwork.Id, HttpStatusCode.Conflict, "own_artwork");
        await ExpectAsync(buyer, Guid.NewGuid(), HttpStatusCode.NotFound, null);
        (await market.App.Anonymous.PostAsync($"/api/v1/artworks/{artwork.Id}/checkout", null)).StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized
        );

        var stopped = await artist.EditAsync(artwork, 25.00m, editionSize: 1, salesStopped: true);
        stopped.ForSale.ShouldBeFalse();
        await ExpectAsync(buyer, artwork.Id, HttpStatusCode.Conflict, "not_for_sale");
        var unpriced = await artist.EditAsync(artwork, null, editionSize: 1);
        (unpriced.ForSale, unpriced.Currency).ShouldBe((false, null));
        await ExpectAsync(buyer, artwork.Id, HttpStatusCode.Conflict, "not_for_sale");
        var tooCheap = await artist.EditAsync(artwork, 0.10m, editionSize: 1);
        tooCheap.ForSale.ShouldBeFalse();
        await ExpectAsync(buyer, artwork.Id, HttpStatusCode.Conflict, "not_for_sale");

        await artist.EditAsync(artwork, 25.00m, editionSize: 1);
        await market.BuyAsync(await market.App.CreateUserAsync("first"), artwork.Id);
        await ExpectAsync(buyer, artwork.Id, HttpStatusCode.Conflict, "sold_out");

        // The edition is a promise: not raised or removed once sold, and a sold artwork is not deleted.
        await artist.EditAsync(artwork, 25.00m, editionSize: 2, expect: HttpStatusCode.Conflict);
        await artist.EditAsync(artwork, 25.00m, editionSize: null, expect: HttpStatusCode.Conflict);
        await artist.EditAsync(artwork, 25.00m, editionSize: 0, expect: HttpStatusCode.BadRequest);
        (await artist.Client.DeleteAsync($"/api/v1/artworks/{artwork.Id}")).StatusCode.ShouldBe(
            HttpStatusCode.Conflict
        );
    }

    [Theory, AllDatabases]
    public async Task When_Stripe_is_down_checkout_answers_503_and_keeps_nothing(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (_, artwork) = await market.ForSaleAsync();
        var buyer = await market.App.CreateUserAsync("buyer");
        var key = Guid.NewGuid().ToString();

        market.Stripe.Down = true;
        var (down, _) = await Market.CheckoutAsync(buyer, artwork.Id, key);
        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        down.Headers.RetryAfter.ShouldNotBeNull();
        (await down.Content.ReadAsStringAsync()).ShouldContain("payments_unavailable");
        (await market.App.QueryAsync(d => d.Orders.CountAsync(o => o.BuyerId == buyer.Id))).ShouldBe(0);
        var (_, status) = await market.App.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
        status.Services["payments"].Status.ShouldBe(Status.Endpoint.Degraded);

        market.Stripe.Down = false;
        var (back, order) = await Market.CheckoutAsync(buyer, artwork.Id, key); // the same key works again
        back.StatusCode.ShouldBe(HttpStatusCode.Created);
        order!.Status.ShouldBe("pending");
        market.App.Clock.Advance(TimeSpan.FromSeconds(10)); // past the status report's cache
        var (_, recovered) = await market.App.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
        recovered.Services["payments"].Status.ShouldBe(Status.Endpoint.Ok);
        recovered.Services["payments"].Detail.ShouldBe("stripe (test mode, usd)"); // never the key
    }

    [Theory, AllDatabases]
    public async Task Without_Stripe_keys_payments_are_disabled(Db db)
    {
        var app = await TestApp.For(db);
        var artist = await app.CreateUserAsync("artist");
        var buyer = await app.CreateUserAsync("buyer");
        var artwork = await ArtFolio.Tests.Features.Artworks.Uploads.CreateArtworkAsync(artist, price: "10.00");

        var (response, _) = await Market.CheckoutAsync(buyer, artwork.Id);
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Payments are not configured");
        using var webhook = await app.Anonymous.PostAsync(
            "/api/v1/payments/stripe/webhook",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
        );
        webhook.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var (_, status) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
        status.Services["payments"].Status.ShouldBe(Status.Endpoint.Disabled);
        (await app.QueryAsync(d => d.Orders.CountAsync(o => o.BuyerId == buyer.Id))).ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task Purchases_page_newest_first_and_filter_by_status(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var buyer = await market.App.CreateUserAsync("buyer");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (_, artwork) = await market.ForSaleAsync();
            ids.Add(
                (
                    i == 0
                        ? await market.BuyAsync(buyer, artwork.Id)
                        : await Market.StartCheckoutAsync(buyer, artwork.Id)
                ).Id
            );
            market.App.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var (_, first) = await buyer.Client.GETAsync<List.Endpoint, List.Query, Page<OrderResponse>>(
            new() { Limit = 2 }
        );
        var (_, second) = await buyer.Client.GETAsync<List.Endpoint, List.Query, Page<OrderResponse>>(
            new() { Limit = 2, Cursor = first.NextCursor }
        );
        first.Items.Concat(second.Items).Select(o => o.Id).ShouldBe(Enumerable.Reverse(ids));
        second.NextCursor.ShouldBeNull();
        var (_, pending) = await buyer.Client.GETAsync<List.Endpoint, List.Query, Page<OrderResponse>>(
            new() { Status = "pending" }
        );
        pending.Items.Count.ShouldBe(2);
        var bad = await buyer.Client.GetAsync("/api/v1/orders?status=lost");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, AllDatabases]
    public async Task Orders_outlive_the_accounts_on_either_side(Db db)
    {
        await using var market = await Market.StartAsync(db);
        var (artist, artwork) = await market.ForSaleAsync("20.00");
        var buyer = await market.App.CreateUserAsync("buyer");
        var leaver = await market.App.CreateUserAsync("leaver");
        var order = await market.BuyAsync(buyer, artwork.Id);
        await market.BuyAsync(leaver, artwork.Id);

        // The buyer who leaves: the artist's sale stays, its buyer shown as gone.
        (
            await leaver.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
                new() { Password = leaver.Password }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (_, sales) = await artist.Client.GETAsync<Sales.Endpoint, Sales.Query, Sales.Response>(new());
        sales.Items.Count.ShouldBe(2);
        sales.Items.Count(s => s.Buyer is null).ShouldBe(1);

        // The artist who leaves: the buyer's order stays, as it was bought, with nothing to download.
        (
            await artist.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
                new() { Password = artist.Password }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var kept = await OrderAsync(buyer, order.Id);
        (kept.Status, kept.Artwork.Id, kept.Artwork.Title, kept.Amount).ShouldBe(
            ("paid", (Guid?)null, "Harbor print", 20.00m)
        );
    }
}
