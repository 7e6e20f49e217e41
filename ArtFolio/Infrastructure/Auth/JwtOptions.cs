using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Auth;

public sealed class JwtOptions : ICheckedSettings
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

    /// <summary>
    /// How long a just-rotated refresh token still returns its successor (two tabs refreshing at once);
    /// presented later, it is reuse and ends the session.
    /// </summary>
    public TimeSpan RefreshReuseGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an instance trusts its last answer to "is this token's session still open?". Another
    /// instance's logout reaches this one within this time; this instance's own, at once.
    /// </summary>
    public TimeSpan SessionCheckCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Problems()
    {
        if (AccessTokenLifetime <= TimeSpan.Zero)
            yield return "AccessTokenLifetime: must be positive";
        if (RefreshTokenLifetime <= TimeSpan.Zero)
            yield return "RefreshTokenLifetime: must be positive";
        if (RefreshRotationThreshold <= TimeSpan.Zero || RefreshRotationThreshold > RefreshTokenLifetime)
            yield return "RefreshRotationThreshold: must be positive and at most RefreshTokenLifetime";
        if (RefreshReuseGrace < TimeSpan.Zero)
            yield return "RefreshReuseGrace: cannot be negative";
        if (SessionCheckCacheDuration < TimeSpan.Zero)
            yield return "SessionCheckCacheDuration: cannot be negative";
    }
}
