using System.Security.Claims;
using System.Security.Cryptography;
using ArtFolio.Domain;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Infrastructure.Auth;

/// <summary>An issued refresh token: the value goes to the client once; only the hash is stored.</summary>
public readonly record struct NewRefreshToken(string Value, byte[] Hash, DateTime ExpiresAt);

/// <summary>Mints access tokens (signed JWTs) and refresh tokens (opaque random strings).</summary>
public sealed class TokenService(JwtOptions options, SigningCredentials credentials, TimeProvider clock)
{
    public const string TokenUseClaim = "token_use";
    public const string AccessTokenUse = "access";
    public const string SessionClaim = "sid";

    private static readonly JsonWebTokenHandler Handler = new();

    public JwtOptions Options => options;

    public (string Token, DateTime ExpiresAt) CreateAccessToken(User user, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.AccessTokenLifetime;
        var token = Handler.CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = options.Issuer,
                Audience = options.Audience,
                IssuedAt = now,
                NotBefore = now,
                Expires = expires,
                SigningCredentials = credentials,
                Subject = new ClaimsIdentity([
                    new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                    new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                    new Claim(JwtRegisteredClaimNames.PreferredUsername, user.Username),
                    new Claim(SessionClaim, sessionId.ToString()),
                    new Claim(TokenUseClaim, AccessTokenUse),
                ]),
            }
        );
        return (token, expires);
    }

    /// <summary>256 bits from the OS's CSPRNG, base64url-encoded.</summary>
    public NewRefreshToken CreateRefreshToken()
    {
        var value = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return new(value, Hash(value), clock.GetUtcNow().UtcDateTime + options.RefreshTokenLifetime);
    }

    /// <summary>
    /// The refresh token that replaces <paramref name="current"/> at rotation: an HMAC of it under a key
    /// derived from the signing key, so that the same successor can be handed out again (to a second
    /// tab refreshing at the same moment) without its value ever being stored.
    /// </summary>
    public NewRefreshToken SuccessorOf(string current)
    {
        var value = Base64UrlEncoder.Encode(
            HMACSHA256.HashData(rotationKey, System.Text.Encoding.UTF8.GetBytes(current))
        );
        return new(value, Hash(value), clock.GetUtcNow().UtcDateTime + options.RefreshTokenLifetime);
    }

    // Its own key: the signing key is never used twice for different things.
    private readonly byte[] rotationKey = HMACSHA256.HashData(
        ((SymmetricSecurityKey)credentials.Key).Key,
        "artfolio refresh-token rotation"u8
    );

    /// <summary>SHA-256 is enough here: the token has 256 bits of entropy, so there is nothing to brute-force.</summary>
    public static byte[] Hash(string refreshToken) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken));
}
