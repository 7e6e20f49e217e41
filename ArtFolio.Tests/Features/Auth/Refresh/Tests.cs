using System.Net;
using ArtFolio.Features.Auth;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Auth.Refresh;

using Me = ArtFolio.Features.Users.Me;
using Refresh = ArtFolio.Features.Auth.Refresh;

public sealed class Tests
{
    private static Task<TestResult<AuthResponse>> RefreshAsync(TestApp app, string token) =>
        app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request, AuthResponse>(new() { RefreshToken = token });

    [Theory, AllDatabases]
    public async Task A_fresh_refresh_token_is_returned_unchanged_and_nothing_is_written(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        using var sql = app.Sql.Start();
        var (response, auth) = await RefreshAsync(app, alice.Auth.RefreshToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        auth!.RefreshTokenRotated.ShouldBeFalse();
        auth.RefreshToken.ShouldBe(alice.Auth.RefreshToken);
        auth.RefreshTokenExpiresAt.ShouldBe(alice.Auth.RefreshTokenExpiresAt, TimeSpan.FromMilliseconds(1));
        auth.AccessToken.ShouldNotBe(alice.Auth.AccessToken);
        auth.User.Username.ShouldBe(alice.Username);
        sql.Commands.ShouldNotBeEmpty();
        sql.Writes.ShouldBeEmpty();
        var (me, _) = await app.ClientWithToken(auth.AccessToken).GETAsync<Me.Endpoint, Me.Response>();
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task A_token_close_to_expiry_is_rotated_and_the_old_one_then_counts_as_reuse(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        app.Clock.Advance(TimeSpan.FromDays(12.5)); // 1.5 days left, under the 2-day threshold

        var (rotated, auth) = await RefreshAsync(app, alice.Auth.RefreshToken);

        rotated.StatusCode.ShouldBe(HttpStatusCode.OK);
        auth!.RefreshTokenRotated.ShouldBeTrue();
        auth.RefreshToken.ShouldNotBe(alice.Auth.RefreshToken);
        auth.RefreshTokenExpiresAt.ShouldBeGreaterThan(alice.Auth.RefreshTokenExpiresAt);

        // The rotated-out token comes back after the grace: a thief or a replay. The whole session ends.
        app.Clock.Advance(TimeSpan.FromSeconds(11));
        var (reuse, _) = await RefreshAsync(app, alice.Auth.RefreshToken);
        reuse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (current, _) = await RefreshAsync(app, auth.RefreshToken);
        current.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var session = await app.QueryAsync(d => d.Sessions.SingleAsync(s => s.UserId == alice.Id));
        session.RevokedReason.ShouldBe(Sessions.TokenReuse);
    }

    [Theory, AllDatabases]
    public async Task A_threshold_equal_to_the_lifetime_rotates_on_every_refresh(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Jwt:RefreshRotationThreshold"] = "14.00:00:00" }
        );
        var alice = await app.CreateUserAsync("alice");

        var (first, one) = await RefreshAsync(app, alice.Auth.RefreshToken);
        var (second, two) = await RefreshAsync(app, one!.RefreshToken);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        one.RefreshTokenRotated.ShouldBeTrue();
        two!.RefreshTokenRotated.ShouldBeTrue();
        new[] { alice.Auth.RefreshToken, one.RefreshToken, two.RefreshToken }.Distinct().Count().ShouldBe(3);
        (await app.QueryAsync(d => d.RefreshTokens.CountAsync(t => t.Session.UserId == alice.Id))).ShouldBe(3);
    }

    [Theory, AllDatabases]
    public async Task Two_tabs_refreshing_one_token_at_once_both_get_the_same_successor(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Jwt:RefreshRotationThreshold"] = "14.00:00:00" }
        );
        var alice = await app.CreateUserAsync("alice");

        var results = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => RefreshAsync(app, alice.Auth.RefreshToken))
        );

        results.ShouldAllBe(r => r.Response.StatusCode == HttpStatusCode.OK);
        results
            .Select(r => r.Result!.RefreshToken)
            .Distinct()
            .ShouldHaveSingleItem()
            .ShouldNotBe(alice.Auth.RefreshToken);
        results.ShouldAllBe(r => r.Result!.RefreshTokenRotated);
        (await app.QueryAsync(d => d.RefreshTokens.CountAsync(t => t.Session.UserId == alice.Id))).ShouldBe(2);
        (await app.QueryAsync(d => d.Sessions.SingleAsync(s => s.UserId == alice.Id))).RevokedAt.ShouldBeNull();
        var (next, _) = await RefreshAsync(app, results[0].Result!.RefreshToken);
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task Within_the_grace_the_old_token_returns_the_same_successor_and_after_it_ends_the_session(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Jwt:RefreshRotationThreshold"] = "14.00:00:00",
                ["Jwt:RefreshReuseGrace"] = "00:00:30",
            }
        );
        var alice = await app.CreateUserAsync("alice");
        var (_, first) = await RefreshAsync(app, alice.Auth.RefreshToken);

        app.Clock.Advance(TimeSpan.FromSeconds(20)); // the clock also runs: leave a margin for a slow machine
        var (again, second) = await RefreshAsync(app, alice.Auth.RefreshToken);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        second!.RefreshToken.ShouldBe(first!.RefreshToken);
        second.RefreshTokenExpiresAt.ShouldBe(first.RefreshTokenExpiresAt, TimeSpan.FromMilliseconds(1));

        app.Clock.Advance(TimeSpan.FromSeconds(11)); // past 30 s after the rotation
        var (late, _) = await RefreshAsync(app, alice.Auth.RefreshToken);
        late.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await RefreshAsync(app, first.RefreshToken)).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.QueryAsync(d => d.Sessions.SingleAsync(s => s.UserId == alice.Id))).RevokedReason.ShouldBe(
            Sessions.TokenReuse
        );
    }

    [Theory, AllDatabases]
    public async Task An_expired_refresh_token_is_refused(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        app.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        var (response, _) = await RefreshAsync(app, alice.Auth.RefreshToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Detail.ShouldBe(Refresh.Endpoint.Invalid);
    }

    [Theory, AllDatabases]
    public async Task An_access_token_or_garbage_is_not_a_refresh_token(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        foreach (var token in new[] { alice.Auth.AccessToken, "garbage", new string('A', 43) })
        {
            var (response, _) = await RefreshAsync(app, token);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Theory, AllDatabases]
    public async Task A_refresh_token_is_not_a_bearer_token(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await app.ClientWithToken(alice.Auth.RefreshToken)
            .GETAsync<Me.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
    }

    [Theory, AllDatabases]
    public async Task A_missing_token_is_a_validation_error(Db db)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request>(new Refresh.Request());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.ShouldContainKey("refreshToken");
    }
}
