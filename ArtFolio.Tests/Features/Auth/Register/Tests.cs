using System.Net;
using System.Net.Http.Json;
using System.Text;
using ArtFolio.Features.Auth;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Auth.Register;

using Register = ArtFolio.Features.Auth.Register;

public sealed class Tests
{
    private static Register.Request Valid(string username) =>
        new()
        {
            Username = username,
            Email = $"{username}@example.com",
            Password = "s3cret-enough",
            ConfirmPassword = "s3cret-enough",
            DisplayName = "Ada Lovelace",
        };

    [Theory, AllDatabases]
    public async Task Creates_the_account_and_a_session(Db db)
    {
        var app = await TestApp.For(db);
        var name = TestApp.Unique("Ada");
        var request = Valid(name) with { Email = $"Ada.{name}@Example.com" };

        var (response, auth) = await app.Anonymous.POSTAsync<Register.Endpoint, Register.Request, AuthResponse>(
            request
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/users/{name.ToLowerInvariant()}");
        auth!.User.Username.ShouldBe(name.ToLowerInvariant());
        auth.User.Email.ShouldBe(request.Email);
        auth.User.DisplayName.ShouldBe("Ada Lovelace");
        auth.TokenType.ShouldBe("Bearer");
        auth.RefreshTokenRotated.ShouldBeTrue();
        auth.AccessTokenExpiresAt.ShouldBeInRange(DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
        auth.RefreshTokenExpiresAt.ShouldBeInRange(DateTime.UtcNow.AddDays(13.9), DateTime.UtcNow.AddDays(14.1));
        Base64UrlDecodedLength(auth.RefreshToken).ShouldBeGreaterThanOrEqualTo(32);

        var stored = await app.QueryAsync(d => d.Users.SingleAsync(u => u.Id == auth.User.Id));
        stored.NormalizedEmail.ShouldBe(request.Email!.ToLowerInvariant());
        stored.PasswordHash.ShouldNotContain(request.Password!);
        stored.PasswordHash.Length.ShouldBeGreaterThan(40);
        var tokens = await app.QueryAsync(d => d.RefreshTokens.Where(t => t.Session.UserId == stored.Id).ToListAsync());
        tokens.ShouldHaveSingleItem().TokenHash.ShouldBe(TokenService.Hash(auth.RefreshToken));
    }

    [Theory, AllDatabases]
    public async Task The_response_carries_no_secrets(Db db)
    {
        var app = await TestApp.For(db);
        var response = await app.Anonymous.POSTAsync<Register.Endpoint, Register.Request>(Valid(TestApp.Unique("sec")));

        var json = await response.Content.ReadAsStringAsync();
        json.ShouldNotContain("passwordHash", Case.Insensitive);
        json.ShouldNotContain("tokenHash", Case.Insensitive);
        json.ShouldNotContain("s3cret-enough");
    }

    public static TheoryData<string, string, string> InvalidFields =>
        new()
        {
            { "username", "", "username" },
            { "username", "ab", "username" },
            { "username", new string('a', 31), "username" },
            { "username", "has space", "username" },
            { "username", "émile", "username" },
            { "email", "", "email" },
            { "email", "not-an-email", "email" },
            { "email", "a@b", "email" },
            { "email", "Name <a@b.com>", "email" },
            { "password", "short", "password" },
            { "password", new string('p', 129), "password" },
            { "confirmPassword", "different-one", "confirmPassword" },
            { "displayName", new string('d', 61), "displayName" },
        };

    [Theory, AllDatabases(MemberName = nameof(InvalidFields))]
    public async Task Rejects_each_invalid_field_by_name(Db db, string field, string value, string expectedError)
    {
        var app = await TestApp.For(db);
        var body = new Dictionary<string, string>
        {
            ["username"] = TestApp.Unique("val"),
            ["password"] = "s3cret-enough",
            ["confirmPassword"] = "s3cret-enough",
        };
        body["email"] = body["username"] + "@example.com";
        body[field] = value;
        if (field == "password")
            body["confirmPassword"] = value;

        var response = await app.Anonymous.SendRawAsync<Register.Endpoint>(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Errors!.Keys.ShouldBe([expectedError]);
    }

    [Theory, AllDatabases]
    public async Task A_taken_username_or_email_is_a_conflict_whatever_its_case(Db db)
    {
        var app = await TestApp.For(db);
        var taken = await app.CreateUserAsync("taken");

        var sameName = Valid(taken.Username.ToUpperInvariant()) with { Email = $"{TestApp.Unique("x")}@example.com" };
        var nameResponse = await app.Anonymous.POSTAsync<Register.Endpoint, Register.Request>(sameName);
        nameResponse.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await nameResponse.ReadProblemAsync()).Detail.ShouldBe("That username is taken.");

        var sameEmail = Valid(TestApp.Unique("other")) with { Email = taken.Email.ToUpperInvariant() };
        var emailResponse = await app.Anonymous.POSTAsync<Register.Endpoint, Register.Request>(sameEmail);
        emailResponse.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await emailResponse.ReadProblemAsync()).Detail.ShouldBe("An account with that email already exists.");
    }

    [Theory, AllDatabases]
    public async Task Racing_registrations_of_one_name_give_one_201_and_409s(Db db)
    {
        var app = await TestApp.For(db);
        var name = TestApp.Unique("race");

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 8)
                .Select(i =>
                    app.Anonymous.POSTAsync<Register.Endpoint, Register.Request>(
                        Valid(name) with
                        {
                            Email = $"{name}.{i}@example.com",
                        }
                    )
                )
        );

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        (await app.QueryAsync(d => d.Users.CountAsync(u => u.Username == name))).ShouldBe(1);
    }

    [Theory, AllDatabases]
    public async Task Fields_a_client_may_not_set_are_ignored(Db db)
    {
        var app = await TestApp.For(db);
        var name = TestApp.Unique("mass");
        var id = Guid.CreateVersion7();
        var body = new
        {
            id,
            username = name,
            email = $"{name}@example.com",
            password = "s3cret-enough",
            confirmPassword = "s3cret-enough",
            passwordHash = "AQAAAA-forged",
            createdAt = "2000-01-01T00:00:00Z",
        };

        var response = await app.Anonymous.SendRawAsync<Register.Endpoint>(body);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = await app.QueryAsync(d => d.Users.SingleAsync(u => u.Username == name));
        user.Id.ShouldNotBe(id);
        user.PasswordHash.ShouldNotBe("AQAAAA-forged");
        user.CreatedAt.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
    }

    public static TheoryData<string, string, HttpStatusCode> BadBodies =>
        new()
        {
            { "{\"username\":", "application/json", HttpStatusCode.BadRequest },
            { "{\"username\": 42, \"email\": true}", "application/json", HttpStatusCode.BadRequest },
            { "[1,2,3]", "application/json", HttpStatusCode.BadRequest },
            { "", "application/json", HttpStatusCode.BadRequest },
            { "null", "application/json", HttpStatusCode.BadRequest },
            { "username=x&password=y", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
            { "<xml/>", "text/xml", HttpStatusCode.UnsupportedMediaType },
        };

    [Theory, AllDatabases(MemberName = nameof(BadBodies))]
    public async Task Unreadable_bodies_get_a_4xx_problem(
        Db db,
        string body,
        string contentType,
        HttpStatusCode expected
    )
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.SendRawAsync<Register.Endpoint>(
            new StringContent(body, Encoding.UTF8, contentType)
        );

        response.StatusCode.ShouldBe(expected);
        var problem = await response.ReadProblemAsync();
        problem.Status.ShouldBe((int)expected);
        problem.Detail.ShouldNotBeNullOrEmpty();
        problem.TraceId.ShouldNotBeNullOrEmpty();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at ");
    }

    public static TheoryData<string, string, string> WrongTypes =>
        new()
        {
            { "{\"username\": 42}", "username", "Expected a string at $.username." },
            { "{\"email\": true}", "email", "Expected a string at $.email." },
            { "{\"password\": [\"a\"]}", "password", "Expected a string at $.password." },
        };

    [Theory, AllDatabases(MemberName = nameof(WrongTypes))]
    public async Task A_field_of_the_wrong_type_is_named_with_what_was_expected(
        Db db,
        string body,
        string field,
        string message
    )
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.SendRawAsync<Register.Endpoint>(
            new StringContent(body, Encoding.UTF8, "application/json")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Errors![field].ShouldBe([message]);
        problem.Detail.ShouldBe(message);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("System.");
    }

    [Theory, AllDatabases]
    public async Task A_huge_body_is_refused_with_413_before_it_is_read(Db db)
    {
        var app = await TestApp.For(db);
        var huge = new string('x', 2 * 1024 * 1024);

        var response = await app.Anonymous.SendRawAsync<Register.Endpoint>(
            JsonContent.Create(new { Username = huge, password = huge })
        );

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).Status.ShouldBe(413);
    }

    private static int Base64UrlDecodedLength(string token) =>
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token).Length;
}
