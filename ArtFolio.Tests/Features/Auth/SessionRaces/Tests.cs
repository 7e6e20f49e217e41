using System.Data.Common;
using System.Net;
using ArtFolio.Features.Auth;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Auth.SessionRaces;

using Login = ArtFolio.Features.Auth.Login;
using LogoutAll = ArtFolio.Features.Auth.LogoutAll;
using Me = ArtFolio.Features.Users.Me;

/// <summary>Ending a session races the checks of its tokens; these interleavings are forced, not hoped for.</summary>
public sealed class Tests
{
    // An hour: a stale "open" in the cache would let the token in for all of it.
    private static readonly Dictionary<string, string?> LongCache = new()
    {
        ["Jwt:SessionCheckCacheDuration"] = "01:00:00",
    };

    private static bool IsSessionCheck(DbCommand command) =>
        command.CommandText.StartsWith("SELECT", StringComparison.Ordinal)
        && command.CommandText.Contains("sessions")
        && command.CommandText.Contains("\"RevokedAt\" IS NULL");

    private static bool IsRevocation(DbCommand command) =>
        command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal)
        && command.CommandText.Contains("sessions")
        && command.CommandText.Contains("\"RevokedAt\" =");

    [Theory, AllDatabases]
    public async Task A_check_that_read_open_just_before_a_logout_does_not_cache_it_after(Db db)
    {
        await using var app = await TestApp.StartAsync(db, LongCache);
        var pause = new SqlPause();
        await using var host = app.WithInterceptor(pause);
        var alice = await app.CreateUserAsync("alice");
        var client = host.ClientWithToken(alice.Auth.AccessToken);
        // The check has read "open"; before it caches that, the logout commits and evicts. (Asserted after,
        // not in the step: a failure thrown inside the app's SQL would surface as the paused request's 500.)
        HttpStatusCode? logout = null;
        pause.AfterRead(
            IsSessionCheck,
            async () =>
                logout = (await client.POSTAsync<LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance)).StatusCode
        );

        var during = await client.GETAsync<Me.Endpoint, Me.Response>();
        var after = await client.GETAsync<Me.Endpoint, Me.Response>();

        pause.Fired.ShouldBe(1);
        logout.ShouldBe(HttpStatusCode.NoContent);
        during.Response.StatusCode.ShouldBe(HttpStatusCode.OK); // it was in flight before the logout
        after.Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, AllDatabases]
    public async Task A_session_opened_while_logout_all_runs_is_ended_and_refused_at_once(Db db)
    {
        await using var app = await TestApp.StartAsync(db, LongCache);
        var pause = new SqlPause();
        await using var host = app.WithInterceptor(pause);
        var alice = await app.CreateUserAsync("alice");
        HttpClient? phone = null;
        // Just before the revocation writes, the user logs in on a phone, and the phone is let in once
        // (so its "open" is cached on this instance).
        pause.Before(
            IsRevocation,
            async () =>
            {
                var (_, login) = await host.CreateClient()
                    .POSTAsync<Login.Endpoint, Login.Request, AuthResponse>(
                        new() { Username = alice.Username, Password = alice.Password }
                    );
                phone = host.ClientWithToken(login!.AccessToken);
                (await phone.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        );

        var logout = await host.ClientWithToken(alice.Auth.AccessToken)
            .POSTAsync<LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        pause.Fired.ShouldBe(1);
        (await phone!.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
