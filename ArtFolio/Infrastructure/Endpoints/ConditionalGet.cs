using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// Conditional GET for reads: an <c>ETag</c> made from what the answer is built of (its rows' versions,
/// never its serialised bytes), and a 304 without a body when the client already has it. Public answers
/// get a short <c>Cache-Control</c> so a browser or CDN may reuse them; an answer that depends on the
/// caller (a bearer token was sent) is <c>private, no-cache</c>: revalidated every time, never shared.
/// </summary>
public static class ConditionalGet
{
    public const string PublicCacheControl = "public, max-age=30";

    /// <summary>The max-age of <see cref="PublicCacheControl"/>: how long anyone may keep a public answer.</summary>
    public static readonly TimeSpan PublicMaxAge = TimeSpan.FromSeconds(30);
    public const string PrivateCacheControl = "private, no-cache";

    /// <summary>A strong validator from the parts that make the answer: the same parts, the same tag, on any instance.</summary>
    public static string Version(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16]);
    }

    /// <summary>
    /// The version of a page of records made of plain values (a record's text lists its values), with
    /// its cursor: the same items in the same order, the same version.
    /// </summary>
    public static string VersionOf<T>(Page<T> page)
        where T : notnull => Version([.. page.Items.Cast<object?>(), page.NextCursor]);

    /// <summary>
    /// Sets the answer's validators; true when the request's <c>If-None-Match</c> already names this
    /// version, so the caller answers 304 and builds no body.
    /// </summary>
    public static bool IsNotModified(HttpContext http, string version)
    {
        var etag = $"\"{version}\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = http.Request.Headers.Authorization.Count > 0 ? PrivateCacheControl : PublicCacheControl;
        // Added to, not replaced: other parts (compression, CORS) vary the answer by their own headers.
        if (!headers.Vary.Any(v => v?.Contains("Authorization", StringComparison.OrdinalIgnoreCase) == true))
            headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, "Authorization");
        foreach (var value in http.Request.Headers.IfNoneMatch)
        foreach (
            var tag in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        )
            if (tag == "*" || tag == etag || tag == "W/" + etag)
                return true;
        return false;
    }
}
