using System.Net;
using ArtFolio.Features.Auth;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Auth.Login;

using Login = ArtFolio.Features.Auth.Login;
using Me = ArtFolio.Features.Users.Me;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Logs_in_by_email_or_username_in_any_case_each_time_a_new_session(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var (byEmail, emailAuth) = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, AuthResponse>(
            new() { Email = alice.Email.ToUpperInvariant(), Password = alice.Password }
        );
        var (byName, nameAuth) = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, AuthResponse>(
            new() { Username = alice.Username.ToUpperInvariant(), Password = alice.Password }
        );

        byEmail.StatusCode.ShouldBe(HttpStatusCode.OK);
        byName.StatusCode.ShouldBe(HttpStatusCode.OK);
        emailAuth!.User.Username.ShouldBe(alice.Username);
        nameAuth!.RefreshToken.ShouldNotBe(emailAuth.RefreshToken);
        var (me, profile) = await app.ClientWithToken(nameAuth.AccessToken).GETAsync<Me.Endpoint, Me.Response>();
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        profile!.Id.ShouldBe(alice.Id);
        (await app.QueryAsync(d => d.Sessions.CountAsync(s => s.UserId == alice.Id))).ShouldBe(3);
    }

    [Theory, AllDatabases]
    public async Task A_wrong_password_and_an_unknown_account_are_indistinguishable(Db db)
    {
        var app = await TestApp.For(db);
        var bob = await app.CreateUserAsync("bob");

        var wrongPassword = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(
            new Login.Request { Email = bob.Email, Password = "not the password" }
        );
        var unknownEmail = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(
            new Login.Request { Email = $"{TestApp.Unique("nobody")}@example.com", Password = "not the password" }
        );
        var unknownName = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(
            new Login.Request { Username = TestApp.Unique("nobody"), Password = "not the password" }
        );

        foreach (var response in new[] { wrongPassword, unknownEmail, unknownName })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var problem = await response.ReadProblemAsync();
            (problem with { TraceId = null }).ShouldBe(
                new ProblemDocument(
                    "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                    401,
                    "Unauthorized",
                    Login.Endpoint.WrongCredentials,
                    null,
                    null
                )
            );
        }
    }

    [Theory]
    [AllDatabases(null, null, "p4ssword", "email")]
    [AllDatabases("a@example.com", "alice", "p4ssword", "email")]
    [AllDatabases("a@example.com", null, null, "password")]
    [AllDatabases("a@example.com", null, "", "password")]
    public async Task Needs_exactly_one_identifier_and_a_password(
        Db db,
        string? email,
        string? username,
        string? password,
        string field
    )
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(
            new Login.Request
            {
                Email = email,
                Username = username,
                Password = password,
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.ShouldContainKey(field);
    }
}
