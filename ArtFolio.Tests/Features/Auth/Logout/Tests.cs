using System.Net;
using ArtFolio.Features.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Auth.Logout;

using Login = ArtFolio.Features.Auth.Login;
using Logout = ArtFolio.Features.Auth.Logout;
using Refresh = ArtFolio.Features.Auth.Refresh;

public sealed class Tests
{
    private static async Task<HttpStatusCode> RefreshStatus(TestApp app, string token) =>
        (
            await app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request>(
                new Refresh.Request { RefreshToken = token }
            )
        ).StatusCode;

    [Theory, AllDatabases]
    public async Task V1_ends_the_session_of_the_refresh_token_and_only_that_one(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var (_, otherDevice) = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, AuthResponse>(
            new() { Username = alice.Username, Password = alice.Password }
        );

        var response = await app.Anonymous.POSTAsync<Logout.Endpoint, Logout.Request>(
            new Logout.Request { RefreshToken = alice.Auth.RefreshToken }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await RefreshStatus(app, alice.Auth.RefreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshStatus(app, otherDevice!.RefreshToken)).ShouldBe(HttpStatusCode.OK);
        var reasons = await app.QueryAsync(d =>
            d.Sessions.Where(s => s.UserId == alice.Id).Select(s => s.RevokedReason).ToListAsync()
        );
        reasons.ShouldBe([Sessions.Logout, null], ignoreOrder: true);
    }

    [Theory, AllDatabases]
    public async Task V1_is_idempotent_for_our_tokens_and_refuses_strangers(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var logout = new Logout.Request { RefreshToken = alice.Auth.RefreshToken };

        (await app.Anonymous.SendRawAsync<Logout.Endpoint>(logout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Anonymous.SendRawAsync<Logout.Endpoint>(logout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var stranger = await app.Anonymous.POSTAsync<Logout.Endpoint, Logout.Request>(
            new Logout.Request { RefreshToken = "never-issued" }
        );
        stranger.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var empty = await app.Anonymous.POSTAsync<Logout.Endpoint, Logout.Request>(new Logout.Request());
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, AllDatabases]
    public async Task V1_is_deprecated_and_says_so_in_its_headers(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await app.Anonymous.POSTAsync<Logout.Endpoint, Logout.Request>(
            new Logout.Request { RefreshToken = alice.Auth.RefreshToken }
        );

        response.Headers.GetValues("Deprecation").Single().ShouldBe($"@{DeprecationHeaders.Date.ToUnixTimeSeconds()}");
        response.Headers.GetValues("Link").Single().ShouldBe("</api/v2/auth/logout>; rel=\"successor-version\"");
    }

    [Theory, AllDatabases]
    public async Task V2_ends_the_session_of_the_access_token(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await alice.Client.POSTAsync<Logout.EndpointV2, EmptyRequest>(EmptyRequest.Instance);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.Contains("Deprecation").ShouldBeFalse();
        (await RefreshStatus(app, alice.Auth.RefreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, AllDatabases]
    public async Task V2_needs_an_access_token(Db db)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.POSTAsync<Logout.EndpointV2, EmptyRequest>(EmptyRequest.Instance);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }
}
