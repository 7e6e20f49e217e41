namespace ArtFolio.Infrastructure.Auth;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>HMAC key, at least 32 bytes of UTF-8. Required outside Development.</summary>
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "artfolio";
    public string Audience { get; set; } = "artfolio";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A refresh rotates the refresh token only when less than this is left of it.</summary>
    public TimeSpan RefreshRotationThreshold { get; set; } = TimeSpan.FromDays(2);
}
