using System.Net;
using ArtFolio.Features.Auth;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Auth.LogoutAll;

using Login = ArtFolio.Features.Auth.Login;
using LogoutAll = ArtFolio.Features.Auth.LogoutAll;
using Refresh = ArtFolio.Features.Auth.Refresh;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Ends_every_session_of_the_caller_and_no_one_elses(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var (_, phone) = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, AuthResponse>(
            new() { Email = alice.Email, Password = alice.Password }
        );

        var response = await alice.Client.POSTAsync<LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreach (var token in new[] { alice.Auth.RefreshToken, phone!.RefreshToken })
            (
                await app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request>(
                    new Refresh.Request { RefreshToken = token }
                )
            ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (
            await app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request>(
                new Refresh.Request { RefreshToken = bob.Auth.RefreshToken }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.OK);
        var open = await app.QueryAsync(d => d.Sessions.CountAsync(s => s.UserId == alice.Id && s.RevokedAt == null));
        open.ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task Needs_an_access_token(Db db)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.POSTAsync<LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
