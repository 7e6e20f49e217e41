using System.Net;
using System.Net.WebSockets;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.Extensions.DependencyInjection;

namespace ArtFolio.Tests.Features.Notifications;

using Follow = ArtFolio.Features.Follows.Follow;

public sealed class SocketTests
{
    [Theory, AllDatabases]
    public async Task A_notification_is_pushed_to_every_open_socket_of_its_recipient(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        using var laptop = await app.ConnectAsync(alice.Auth.AccessToken);
        using var phone = await app.ConnectAsync(alice.Auth.AccessToken);
        using var bobs = await app.ConnectAsync(bob.Auth.AccessToken);

        await bob.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = alice.Username });

        foreach (var socket in new[] { laptop, phone })
        {
            var pushed = await socket.ReceiveAsync();
            pushed.ShouldNotBeNull();
            pushed["type"]!.GetValue<string>().ShouldBe(NotificationTypes.NewFollower);
            pushed["actor"]!["username"]!.GetValue<string>().ShouldBe(bob.Username);
            pushed["read"]!.GetValue<bool>().ShouldBeFalse();
            Guid.TryParse(pushed["id"]!.GetValue<string>(), out _).ShouldBeTrue();
        }
        (await bobs.ReceiveAsync(seconds: 0.5)).ShouldBeNull(); // nobody hears of their own actions
    }

    [Theory]
    [AllDatabases(null)]
    [AllDatabases("not-a-token")]
    public async Task A_missing_or_bad_token_is_refused_with_401_before_the_upgrade(Db db, string? token)
    {
        var app = await TestApp.For(db);
        var client = app.Server.CreateWebSocketClient();
        var address = token is null
            ? new Uri("ws://localhost/api/v1/notifications/ws")
            : NotificationSockets.Address(token);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() =>
            client.ConnectAsync(address, CancellationToken.None)
        );

        refused.Message.ShouldContain("401");
    }

    [Theory, AllDatabases]
    public async Task A_refresh_token_does_not_open_the_socket_and_a_plain_get_is_400(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        await Should.ThrowAsync<InvalidOperationException>(() => app.ConnectAsync(alice.Auth.RefreshToken));
        var plain = await app.Anonymous.GetAsync($"/api/v1/notifications/ws?access_token={alice.Auth.AccessToken}");

        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await plain.ReadProblemAsync()).Detail!.ShouldContain("WebSocket");
    }

    [Theory, AllDatabases]
    public async Task The_query_token_opens_only_the_socket_not_other_endpoints(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await app.Anonymous.GetAsync($"/api/v1/users/me?access_token={alice.Auth.AccessToken}");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, AllDatabases]
    public async Task The_socket_closes_when_its_access_token_expires(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Jwt:AccessTokenLifetime"] = "00:00:02" }
        );
        var alice = await app.CreateUserAsync("alice");
        using var socket = await app.ConnectAsync(alice.Auth.AccessToken);

        (await socket.ReceiveAsync(seconds: 10)).ShouldBeNull();

        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
    }

    /// <summary>
    /// SIGTERM (the host stopping): during the drain the instance still answers but is not ready and
    /// refuses new sockets; then open sockets close with 1001. (The host calls this first step itself on
    /// SIGTERM; the cluster test sends a real one through nginx, where connections are closed too.)
    /// </summary>
    [Theory, AllDatabases]
    public async Task Stopping_drains_then_closes_sockets_with_going_away(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Shutdown:DrainDelay"] = "00:00:02" }
        );
        var alice = await app.CreateUserAsync("alice");
        using var socket = await app.ConnectAsync(alice.Auth.AccessToken);
        var client = app.Anonymous;

        var stopping = app.Services.GetRequiredService<GracefulShutdown>().StoppingAsync(CancellationToken.None);
        using var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        using var served = await client.GetAsync("/api/v1/artworks?limit=1"); // still answering
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await Should.ThrowAsync<InvalidOperationException>(() =>
            app.ConnectAsync(alice.Auth.AccessToken)
        );
        refused.Message.ShouldContain("503");

        (await socket.ReceiveAsync(seconds: 10)).ShouldBeNull();
        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        socket.CloseStatusDescription.ShouldBe("server restarting; reconnect");
        await stopping;
    }

    [PostgresFact]
    public async Task With_two_instances_a_notification_caused_on_one_arrives_on_the_other()
    {
        await using var first = await TestApp.StartAsync(Db.Postgres);
        await using var second = first.StartSibling();
        var alice = await first.CreateUserAsync("alice");
        var bob = await first.CreateUserAsync("bob");
        await bob.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = alice.Username });
        using var bobsSocket = await second.ConnectAsync(bob.Auth.AccessToken); // held by the second instance

        var artwork = await alice.CreateArtworkAsync("Through the database"); // caused through the first

        var pushed = await bobsSocket.ReceiveAsync();
        pushed.ShouldNotBeNull();
        pushed["type"]!.GetValue<string>().ShouldBe(NotificationTypes.NewArtwork);
        pushed["artworkId"]!.GetValue<string>().ShouldBe(artwork.Id.ToString());
    }
}
