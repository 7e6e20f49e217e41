using System.Net;
using System.Net.Http.Json;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Orders;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.Extensions.DependencyInjection;

namespace ArtFolio.Tests.Features.Orders;

using Checkout = ArtFolio.Features.Orders.Checkout;
using Update = ArtFolio.Features.Artworks.Update;
using Webhook = ArtFolio.Features.Payments.StripeWebhook;

/// <summary>An app that sells through a fake Stripe, and the steps of a purchase as clients and Stripe take them.</summary>
public sealed class Market(TestApp app, FakeStripe stripe) : IAsyncDisposable
{
    public TestApp App { get; } = app;
    public FakeStripe Stripe { get; } = stripe;

    public static async Task<Market> StartAsync(Db db, IDictionary<string, string?>? settings = null)
    {
        var stripe = await FakeStripe.StartAsync();
        var all = stripe.Settings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return new Market(await TestApp.StartAsync(db, all), stripe);
    }

    /// <summary>An artist and an artwork of theirs for sale at <paramref name="price"/>, in an edition of <paramref name="editionSize"/> if given.</summary>
    public async Task<(TestUser Artist, ArtworkResponse Artwork)> ForSaleAsync(
        string price = "25.00",
        int? editionSize = null
    )
    {
        var artist = await App.CreateUserAsync("artist");
        var artwork = await artist.CreateArtworkAsync("Harbor print", price: price);
        if (editionSize is not null)
            artwork = await artist.EditAsync(
                artwork,
                price: decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture),
                editionSize: editionSize
            );
        return (artist, artwork);
    }

    public static async Task<(HttpResponseMessage Response, OrderResponse? Order)> CheckoutAsync(
        TestUser buyer,
        Guid artworkId,
        string? idempotencyKey = null
    )
    {
        var (response, order) = await buyer.Client.POSTAsync<Checkout.Endpoint, Checkout.Request, OrderResponse>(
            new Checkout.Request { Id = artworkId, IdempotencyKey = idempotencyKey }
        );
        return (response, response.IsSuccessStatusCode ? order : null);
    }

    /// <summary>A checkout that must start: fails the test otherwise.</summary>
    public static async Task<OrderResponse> StartCheckoutAsync(TestUser buyer, Guid artworkId)
    {
        var (response, order) = await CheckoutAsync(buyer, artworkId);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return order!;
    }

    /// <summary>Posts one webhook delivery as Stripe does: the JSON and its signature header.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string payload, string? signature = null)
    {
        var path = App.Services.GetRequiredService<EndpointLinks>().PathTo<Webhook.Endpoint>();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? FakeStripe.Sign(payload));
        return await App.Anonymous.SendAsync(request);
    }

    /// <summary>A delivery that must be acknowledged.</summary>
    public async Task<Webhook.Response> DeliveredAsync(string payload)
    {
        using var response = await DeliverAsync(payload);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Webhook.Response>(TestHttp.Json))!;
    }

    /// <summary>Starts a checkout for <paramref name="buyer"/> and has Stripe report it paid.</summary>
    public async Task<OrderResponse> BuyAsync(TestUser buyer, Guid artworkId)
    {
        var order = await StartCheckoutAsync(buyer, artworkId);
        await DeliveredAsync(Stripe.CompletedEvent(order.Id));
        return order;
    }

    /// <summary>Runs the outbox now (refunds), instead of waiting for the background dispatcher.</summary>
    public async Task DispatchOutboxAsync()
    {
        var dispatcher = App.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchBatchAsync(CancellationToken.None) > 0) { }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

public static class Editing
{
    /// <summary>Edits an artwork through the real PUT, keeping what it does not change.</summary>
    public static async Task<ArtworkResponse> EditAsync(
        this TestUser artist,
        ArtworkResponse artwork,
        decimal? price,
        int? editionSize = null,
        bool salesStopped = false,
        HttpStatusCode expect = HttpStatusCode.OK
    )
    {
        var (response, updated) = await artist.Client.PUTAsync<Update.Endpoint, Update.Request, ArtworkResponse>(
            new Update.Request
            {
                Id = artwork.Id,
                Title = artwork.Title,
                Category = artwork.Category,
                Price = price,
                EditionSize = editionSize,
                SalesStopped = salesStopped,
            }
        );
        response.StatusCode.ShouldBe(expect, await response.Content.ReadAsStringAsync());
        return updated;
    }
}
