using System.Net;
using System.Security.Claims;
using System.Text;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Tests.Features.Users.Me;

using Me = ArtFolio.Features.Users.Me;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Returns_the_callers_private_profile(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var (response, me) = await alice.Client.GETAsync<Me.Endpoint, Me.Response>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        me!.Id.ShouldBe(alice.Id);
        me.Username.ShouldBe(alice.Username);
        me.Email.ShouldBe(alice.Email);
        me.DisplayName.ShouldBe("alice tester");
    }

    [Theory, AllDatabases]
    public async Task Without_a_token_is_401_with_a_bearer_challenge(Db db)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.GETAsync<Me.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await response.ReadProblemAsync()).Status.ShouldBe(401);
    }

    public static TheoryData<string> ForgedTokens =>
        new()
        {
            "wrong-key",
            "alg-none",
            "wrong-audience",
            "wrong-issuer",
            "expired",
            "not-an-access-token",
            "tampered",
            "hs512",
        };

    [Theory, AllDatabases(MemberName = nameof(ForgedTokens))]
    public async Task Refuses_tokens_it_should_not_trust(Db db, string kind)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await app.ClientWithToken(Forge(kind, alice))
            .GETAsync<Me.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
    }

    [Theory, AllDatabases]
    public async Task The_honest_forger_mints_a_token_that_works(Db db)
    {
        // Guards the forgery test: its tokens fail for the one reason each case names.
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await app.ClientWithToken(Forge("honest", alice))
            .GETAsync<Me.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Forge(string kind, TestUser user)
    {
        var now = DateTime.UtcNow;
        var key = kind == "wrong-key" ? "another-key-that-is-long-enough-0123456789!!" : TestApp.SigningKey;
        var algorithm = kind == "hs512" ? SecurityAlgorithms.HmacSha512 : SecurityAlgorithms.HmacSha256;
        // For hs512 the secret is the real one: the token is refused only because the algorithm is pinned to HS256.
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = kind == "wrong-issuer" ? "someone-else" : "artfolio",
            Audience = kind == "wrong-audience" ? "someone-else" : "artfolio",
            IssuedAt = kind == "expired" ? now.AddHours(-2) : now,
            NotBefore = kind == "expired" ? now.AddHours(-2) : now,
            Expires = kind == "expired" ? now.AddHours(-1) : now.AddMinutes(5),
            Subject = new ClaimsIdentity([
                new Claim("sub", user.Id.ToString()),
                new Claim(
                    "sid",
                    new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler()
                        .ReadJsonWebToken(user.Auth.AccessToken)
                        .GetClaim("sid")
                        .Value
                ), // its real, open session
                new Claim("jti", Guid.NewGuid().ToString()),
                new Claim("token_use", kind == "not-an-access-token" ? "refresh" : "access"),
            ]),
            SigningCredentials = kind == "alg-none" ? null : new(new SymmetricSecurityKey(keyBytes), algorithm),
        };
        var token = new JsonWebTokenHandler().CreateToken(descriptor);
        if (kind == "tampered")
        {
            var parts = token.Split('.');
            var payload = Base64UrlEncoder.Decode(parts[1]).Replace(user.Id.ToString(), Guid.NewGuid().ToString());
            return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        }
        return token;
    }
}
