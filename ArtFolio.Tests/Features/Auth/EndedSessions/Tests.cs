using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using ArtFolio.Features.Auth;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArtFolio.Tests.Features.Auth.EndedSessions;

using ChangePassword = ArtFolio.Features.Auth.ChangePassword;
using DeleteAccount = ArtFolio.Features.Users.DeleteAccount;
using Like = ArtFolio.Features.Likes.Like;
using Login = ArtFolio.Features.Auth.Login;
using Logout = ArtFolio.Features.Auth.Logout;
using LogoutAll = ArtFolio.Features.Auth.LogoutAll;
using Me = ArtFolio.Features.Users.Me;
using Refresh = ArtFolio.Features.Auth.Refresh;

/// <summary>
/// An access token stops working the moment its session ends or its account is deleted: 401 with
/// <c>error="invalid_token"</c>, on every authenticated endpoint and the WebSocket, and nothing changes.
/// </summary>
public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task A_token_of_a_deleted_account_is_refused_everywhere_and_changes_nothing(Db db)
    {
        var app = await TestApp.For(db);
        var bob = await app.CreateUserAsync("bob");
        var artwork = await bob.CreateArtworkAsync("Still here");
        var ghost = await app.CreateUserAsync("ghost");
        (
            await ghost.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
                new() { Password = ghost.Password }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        foreach (var (method, path) in AuthenticatedRoutes(app))
        {
            var url = ArtFolio.Infrastructure.Endpoints.EndpointLinks.Fill(
                path,
                name =>
                    name switch
                    {
                        "username" => bob.Username,
                        "section" => "skills",
                        "id" => artwork.Id.ToString(),
                        _ => Guid.CreateVersion7().ToString(),
                    }
            );
            var response = await ghost.Client.SendAsync(Attempt(method, url));

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {url}");
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"", $"{method} {url}");
            (await response.ReadProblemAsync()).Detail.ShouldBe(ArtFolio.Infrastructure.Auth.AuthSetup.SessionEnded);
        }
        var socket = await Should.ThrowAsync<InvalidOperationException>(() => app.ConnectAsync(ghost.Auth.AccessToken));
        socket.Message.ShouldContain("401");

        (await RowsOfAsync(app, ghost.Id, artwork.Id)).ShouldAllBe(count => count == 0);
    }

    public static TheoryData<string> Endings =>
        new() { "logout v1", "logout v2", "logout-all", "change-password", "refresh reuse" };

    [Theory, AllDatabases(MemberName = nameof(Endings))]
    public async Task A_token_of_an_ended_session_is_refused_at_once(Db db, string ending)
    {
        var app = await TestApp.For(db);
        var bob = await app.CreateUserAsync("bob");
        var artwork = await bob.CreateArtworkAsync();
        var alice = await app.CreateUserAsync("alice");
        (await alice.Client.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var ended = ending switch
        {
            "logout v1" => await app.Anonymous.POSTAsync<Logout.Endpoint, Logout.Request>(
                new() { RefreshToken = alice.Auth.RefreshToken }
            ),
            "logout v2" => await alice.Client.POSTAsync<Logout.EndpointV2, EmptyRequest>(EmptyRequest.Instance),
            "logout-all" => await alice.Client.POSTAsync<LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance),
            "change-password" => await alice.Client.POSTAsync<ChangePassword.Endpoint, ChangePassword.Request>(
                new()
                {
                    CurrentPassword = alice.Password,
                    NewPassword = "a whole new password",
                    ConfirmPassword = "a whole new password",
                }
            ),
            _ => await ReuseRefreshTokenAsync(app, alice),
        };
        ended.IsSuccessStatusCode.ShouldBe(ending != "refresh reuse", await ended.Content.ReadAsStringAsync());

        var me = await alice.Client.GETAsync<Me.Endpoint, Me.Response>();
        var like = await alice.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id });

        me.Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        me.Response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
        like.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.QueryAsync(d => d.Likes.CountAsync(l => l.ArtworkId == artwork.Id))).ShouldBe(0);
        var socket = await Should.ThrowAsync<InvalidOperationException>(() => app.ConnectAsync(alice.Auth.AccessToken));
        socket.Message.ShouldContain("401");
    }

    [Theory, AllDatabases]
    public async Task Logging_out_one_session_leaves_the_others_working(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var (_, phone) = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, AuthResponse>(
            new() { Username = alice.Username, Password = alice.Password }
        );
        var phoneClient = app.ClientWithToken(phone!.AccessToken);

        await alice.Client.POSTAsync<Logout.EndpointV2, EmptyRequest>(EmptyRequest.Instance);

        (await alice.Client.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized
        );
        (await phoneClient.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task An_open_socket_of_an_ended_session_is_closed(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Jwt:SessionCheckCacheDuration"] = "00:00:01" }
        );
        var alice = await app.CreateUserAsync("alice");
        using var socket = await app.ConnectAsync(alice.Auth.AccessToken);

        await alice.Client.POSTAsync<LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var closing = await socket.ReceiveAsync(buffer, timeout.Token);
        closing.MessageType.ShouldBe(WebSocketMessageType.Close);
        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
        socket.CloseStatusDescription.ShouldBe("session ended; log in again");
    }

    /// <summary>Two instances on one database: a logout through one reaches the other within the cache duration.</summary>
    [PostgresFact]
    public async Task Another_instance_refuses_the_token_within_the_session_check_duration()
    {
        var bound = TimeSpan.FromSeconds(2);
        await using var first = await TestApp.StartAsync(
            Db.Postgres,
            new Dictionary<string, string?> { ["Jwt:SessionCheckCacheDuration"] = "00:00:02" }
        );
        await using var second = first.StartSibling();
        var alice = await first.CreateUserAsync("alice");
        var onSecond = second.ClientWithToken(alice.Auth.AccessToken);
        (await onSecond.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        await alice.Client.POSTAsync<LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance);
        var clock = Stopwatch.StartNew();
        var status = await TestApp.EventuallyAsync(
            async () => (await onSecond.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode,
            s => s == HttpStatusCode.Unauthorized,
            seconds: 10
        );

        status.ShouldBe(HttpStatusCode.Unauthorized);
        clock.Elapsed.ShouldBeLessThan(bound + TimeSpan.FromSeconds(1));
        (await alice.Client.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized
        );
    }

    /// <summary>Presents a refresh token that was rotated out, as a thief replaying it would.</summary>
    private static async Task<HttpResponseMessage> ReuseRefreshTokenAsync(TestApp app, TestUser user)
    {
        await app.ExecuteAsync(d =>
            d.RefreshTokens.Where(t => t.Session.UserId == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplacedAt, DateTime.UtcNow))
        );
        return await app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request>(
            new() { RefreshToken = user.Auth.RefreshToken }
        );
    }

    /// <summary>Every route that needs a token, from the app's own FastEndpoints definitions.</summary>
    private static IEnumerable<(string Method, string Path)> AuthenticatedRoutes(TestApp app) =>
        app
            .Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (route: e, definition: e.Metadata.GetMetadata<EndpointDefinition>()))
            .Where(e => e.definition is { AnonymousVerbs: not { Length: > 0 } })
            .Select(e => (e.definition!.Verbs[0], "/" + e.route.RoutePattern.RawText!.TrimStart('/')))
            .Distinct();

    /// <summary>A plausible request: a small JSON body, or a small image for the upload endpoints.</summary>
    private static HttpRequestMessage Attempt(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
            request.Content =
                url.EndsWith("/artworks", StringComparison.Ordinal) || url.EndsWith("/avatar", StringComparison.Ordinal)
                    ? TestMedia.Form(TestMedia.Png(), [("title", "x"), ("category", "x")], fileField: "image")
                    : new StringContent(
                        "{\"body\":\"x\",\"message\":\"x\",\"name\":\"x\",\"title\":\"x\",\"category\":\"x\",\"password\":\"x\"}",
                        Encoding.UTF8,
                        "application/json"
                    );
        return request;
    }

    /// <summary>What the ghost's requests could have left behind: rows of theirs, and on bob's artwork.</summary>
    private static Task<int[]> RowsOfAsync(TestApp app, Guid userId, Guid artworkId) =>
        app.QueryAsync(async d =>
            new[]
            {
                await d.Users.CountAsync(u => u.Id == userId),
                await d.Sessions.CountAsync(s => s.UserId == userId),
                await d.Artworks.CountAsync(a => a.ArtistId == userId),
                await d.Likes.CountAsync(l => l.UserId == userId || l.ArtworkId == artworkId),
                await d.Comments.CountAsync(c => c.AuthorId == userId || c.ArtworkId == artworkId),
                await d.Follows.CountAsync(f => f.FollowerId == userId || f.FolloweeId == userId),
                await d.Downloads.CountAsync(x => x.UserId == userId || x.ArtworkId == artworkId),
                await d.Notifications.CountAsync(n => n.ActorId == userId || n.RecipientId == userId),
                await d.PortfolioSkills.CountAsync(x => x.UserId == userId),
            }
        );
}
