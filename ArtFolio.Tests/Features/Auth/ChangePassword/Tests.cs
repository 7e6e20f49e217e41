using System.Net;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Auth.ChangePassword;

using ChangePassword = ArtFolio.Features.Auth.ChangePassword;
using Login = ArtFolio.Features.Auth.Login;
using Refresh = ArtFolio.Features.Auth.Refresh;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Changes_the_password_and_ends_every_session(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        const string newPassword = "a brand new passphrase";

        var response = await alice.Client.POSTAsync<ChangePassword.Endpoint, ChangePassword.Request>(
            new ChangePassword.Request
            {
                CurrentPassword = alice.Password,
                NewPassword = newPassword,
                ConfirmPassword = newPassword,
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (
            await app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request>(
                new Refresh.Request { RefreshToken = alice.Auth.RefreshToken }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (
            await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(
                new Login.Request { Email = alice.Email, Password = alice.Password }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (
            await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(
                new Login.Request { Email = alice.Email, Password = newPassword }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task A_wrong_current_password_changes_nothing(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await alice.Client.POSTAsync<ChangePassword.Endpoint, ChangePassword.Request>(
            new ChangePassword.Request
            {
                CurrentPassword = "not my password",
                NewPassword = "whatever-long",
                ConfirmPassword = "whatever-long",
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["currentPassword"]);
        (
            await app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request>(
                new Refresh.Request { RefreshToken = alice.Auth.RefreshToken }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [AllDatabases("short", "short", "newPassword")]
    [AllDatabases("long-enough-1", "long-enough-2", "confirmPassword")]
    public async Task The_new_password_follows_the_rules(Db db, string newPassword, string confirm, string field)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await alice.Client.POSTAsync<ChangePassword.Endpoint, ChangePassword.Request>(
            new ChangePassword.Request
            {
                CurrentPassword = alice.Password,
                NewPassword = newPassword,
                ConfirmPassword = confirm,
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
    }

    [Theory, AllDatabases]
    public async Task Needs_an_access_token(Db db)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.POSTAsync<ChangePassword.Endpoint, ChangePassword.Request>(
            new ChangePassword.Request
            {
                CurrentPassword = "x",
                NewPassword = "yyyyyyyy",
                ConfirmPassword = "yyyyyyyy",
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
