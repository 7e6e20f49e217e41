using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ArtFolio.Infrastructure.Auth;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Short-lived links to local originals: <c>/originals/{key}?name=&amp;expires=&amp;signature=</c>, where
/// the signature is an HMAC-SHA256 over the key, the download name and the expiry. Whoever holds the
/// link may download until it expires; nothing else reads the private folder.
/// </summary>
public sealed class SignedOriginalUrls
{
    public const string Prefix = "/originals";

    private readonly byte[] key;
    private readonly MediaOptions options;
    private readonly TimeProvider clock;

    public SignedOriginalUrls(MediaOptions options, JwtOptions jwt, IHostEnvironment environment, TimeProvider clock)
    {
        this.options = options;
        this.clock = clock;
        key = string.IsNullOrWhiteSpace(options.UrlSigningKey)
            // A key of its own, derived: a media link's signature is never a token's.
            ? HMACSHA256.HashData(SigningKey.Resolve(jwt, environment), "artfolio:original-urls"u8)
            : Encoding.UTF8.GetBytes(options.UrlSigningKey);
    }

    /// <summary>A link to the stored file <paramref name="mediaKey"/>, downloaded as <paramref name="fileName"/>.</summary>
    public SignedOriginal Sign(string mediaKey, string fileName)
    {
        var expiresAt = clock.GetUtcNow() + options.OriginalUrlLifetime;
        var expires = expiresAt.ToUnixTimeSeconds();
        var url =
            $"{Prefix}/{mediaKey}?name={Uri.EscapeDataString(fileName)}&expires={expires}"
            + $"&signature={Signature(mediaKey, fileName, expires)}";
        return new SignedOriginal(url, DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime);
    }

    /// <summary>Whether a link is one this app signed and has not expired.</summary>
    public bool IsValid(string mediaKey, string? fileName, string? expires, string? signature)
    {
        if (
            fileName is null
            || signature is null
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds < clock.GetUtcNow().ToUnixTimeSeconds()
        )
            return false;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature(mediaKey, fileName, seconds)),
            Encoding.ASCII.GetBytes(signature)
        );
    }

    private string Signature(string mediaKey, string fileName, long expires) =>
        Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{mediaKey}\n{fileName}\n{expires}")));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A link to an original and when it stops working.</summary>
public sealed record SignedOriginal(string Url, DateTime ExpiresAt);
