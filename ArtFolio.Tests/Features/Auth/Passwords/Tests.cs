using System.Net;
using ArtFolio.Domain;
using ArtFolio.Features.Auth;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Auth.Passwords;

using Login = ArtFolio.Features.Auth.Login;
using Register = ArtFolio.Features.Auth.Register;

/// <summary>How passwords are stored: BCrypt at the configured cost, every byte counted, old hashes upgraded.</summary>
public sealed class Tests
{
    private static Task<TestResult<AuthResponse>> LoginAsync(TestApp app, string username, string password) =>
        app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, AuthResponse>(
            new() { Username = username, Password = password }
        );

    private static async Task<string> StoredHashAsync(TestApp app, string username) =>
        await app.QueryAsync(d => d.Users.Where(u => u.Username == username).Select(u => u.PasswordHash).SingleAsync());

    [Theory, AllDatabases]
    public async Task Passwords_are_stored_as_bcrypt_at_the_configured_cost(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Passwords:WorkFactor"] = "5" }
        );
        var alice = await app.CreateUserAsync("alice");

        var hash = await StoredHashAsync(app, alice.Username);

        hash.ShouldStartWith("$2a$05$");
        hash.ShouldNotContain(alice.Password);
    }

    [Theory, AllDatabases]
    public async Task Passwords_that_differ_only_after_byte_72_are_different_passwords(Db db)
    {
        var app = await TestApp.For(db);
        var name = TestApp.Unique("long");
        var prefix = new string('p', 80);
        var (registered, _) = await app.Anonymous.POSTAsync<Register.Endpoint, Register.Request, AuthResponse>(
            new()
            {
                Username = name,
                Email = $"{name}@example.com",
                Password = prefix + "-right",
                ConfirmPassword = prefix + "-right",
            }
        );
        registered.StatusCode.ShouldBe(HttpStatusCode.Created);

        (await LoginAsync(app, name, prefix + "-wrong")).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(app, name, prefix)).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(app, name, prefix + "-right")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task A_pbkdf2_hash_from_before_bcrypt_still_logs_in_and_is_replaced_by_bcrypt(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var legacy = new PasswordHasher<User>().HashPassword(null!, alice.Password);
        await app.ExecuteAsync(d =>
            d.Users.Where(u => u.Id == alice.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, legacy))
        );

        var wrong = await LoginAsync(app, alice.Username, "not the password");
        (await StoredHashAsync(app, alice.Username)).ShouldBe(legacy);
        var right = await LoginAsync(app, alice.Username, alice.Password);

        wrong.Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        right.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var upgraded = await StoredHashAsync(app, alice.Username);
        upgraded.ShouldStartWith("$2a$04$");
        (await LoginAsync(app, alice.Username, alice.Password)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredHashAsync(app, alice.Username)).ShouldBe(upgraded); // replaced once, not at every login
    }

    [Theory, AllDatabases]
    public async Task A_hash_below_the_configured_cost_is_raised_at_the_next_login(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Passwords:WorkFactor"] = "5" }
        );
        var alice = await app.CreateUserAsync("alice");
        var cheaper = BCrypt.Net.BCrypt.EnhancedHashPassword(alice.Password, BCrypt.Net.HashType.SHA384, 4);
        await app.ExecuteAsync(d =>
            d.Users.Where(u => u.Id == alice.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, cheaper))
        );

        (await LoginAsync(app, alice.Username, alice.Password)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await StoredHashAsync(app, alice.Username)).ShouldStartWith("$2a$05$");
    }
}
