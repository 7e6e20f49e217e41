using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// Cloudinary's Upload API on 127.0.0.1, checking every signature the way Cloudinary documents it
/// (written here independently of the app's client): all parameters but file, api_key, resource_type,
/// cloud_name and signature, sorted, joined as k=v with '&amp;', the secret appended, SHA-1 in hex.
/// </summary>
public sealed class FakeCloudinary : IAsyncDisposable
{
    public const string ApiKey = "123456789012345";
    public const string ApiSecret = "fake-secret_abcDEF";
    public const string CloudName = "artfolio-test";

    private readonly WebApplication app;

    public ConcurrentDictionary<string, byte[]> Stored { get; } = new();

    /// <summary>Each stored asset's delivery type: <c>upload</c> (public) or <c>authenticated</c>.</summary>
    public ConcurrentDictionary<string, string> Types { get; } = new();
    public ConcurrentBag<string> Destroyed { get; } = [];
    public int RejectedSignatures;

    private int pings;

    /// <summary>How many times the Admin API's ping was called.</summary>
    public int Pings => Volatile.Read(ref pings);

    /// <summary>Answer uploads with a 500, as an outage would.</summary>
    public bool FailUploads { get; set; }

    public string BaseUrl { get; private set; } = "";
    public string CloudinaryUrl => $"cloudinary://{ApiKey}:{ApiSecret}@{CloudName}";

    private FakeCloudinary(WebApplication app) => this.app = app;

    public static async Task<FakeCloudinary> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeCloudinary(app);
        app.MapPost("/v1_1/{cloud}/{resource}/upload", fake.Upload);
        app.MapPost("/v1_1/{cloud}/{resource}/destroy", fake.Destroy);
        app.MapGet("/v1_1/{cloud}/{resource}/download", fake.Download);
        app.MapGet(
            "/v1_1/{cloud}/ping",
            (HttpRequest request) =>
                Interlocked.Increment(ref fake.pings) > 0
                && request.Headers.Authorization.ToString()
                    == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiKey}:{ApiSecret}"))
                    ? Results.Ok(new { status = "ok" })
                    : Results.Unauthorized()
        );
        await app.StartAsync();
        fake.BaseUrl = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return fake;
    }

    private async Task<IResult> Upload(string cloud, string resource, HttpRequest request)
    {
        if (FailUploads)
            return Results.Json(new { error = new { message = "Internal error" } }, statusCode: 500);
        var form = await request.ReadFormAsync();
        if (Check(cloud, form.ToDictionary(f => f.Key, f => f.Value.ToString())) is { } refused)
            return refused;
        var file = form.Files["file"];
        if (file is null || resource is not ("image" or "video"))
            return Results.BadRequest(new { error = new { message = "Missing required parameter - file" } });
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var publicId = form["public_id"].ToString();
        var type = form.TryGetValue("type", out var given) ? given.ToString() : "upload";
        Stored[publicId] = bytes.ToArray();
        Types[publicId] = type;
        var extension = Path.GetExtension(file.FileName).TrimStart('.');
        return Results.Json(
            new Dictionary<string, object>
            {
                ["public_id"] = publicId,
                ["version"] = 1700000000,
                ["resource_type"] = resource,
                ["bytes"] = bytes.Length,
                ["format"] = extension,
                ["secure_url"] =
                    $"https://res.cloudinary.com/{cloud}/{resource}/{type}/v1700000000/{publicId}.{extension}",
            }
        );
    }

    private async Task<IResult> Destroy(string cloud, string resource, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (Check(cloud, form.ToDictionary(f => f.Key, f => f.Value.ToString())) is { } refused)
            return refused;
        var publicId = form["public_id"].ToString();
        Destroyed.Add(publicId);
        // As Cloudinary: an asset is found under its own delivery type only (upload when none is given).
        var type = form.TryGetValue("type", out var given) ? given.ToString() : "upload";
        var found = Types.GetValueOrDefault(publicId) == type && Stored.TryRemove(publicId, out _);
        return Results.Json(new { result = found ? "ok" : "not found" });
    }

    /// <summary>
    /// The Upload API's private download: signed query parameters, refused once <c>expires_at</c> has passed,
    /// the asset's bytes as an attachment.
    /// </summary>
    private IResult Download(string cloud, string resource, HttpRequest request)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        if (Check(cloud, parameters) is { } refused)
            return refused;
        if (
            !long.TryParse(parameters.GetValueOrDefault("expires_at"), out var expiresAt)
            || expiresAt < DateTimeOffset.UtcNow.ToUnixTimeSeconds()
        )
            return Results.Json(new { error = new { message = "Link expired" } }, statusCode: 401);
        var publicId = parameters.GetValueOrDefault("public_id") ?? "";
        if (
            !Stored.TryGetValue(publicId, out var bytes)
            || Types.GetValueOrDefault(publicId) != parameters.GetValueOrDefault("type", "upload")
        )
            return Results.NotFound();
        Downloads++;
        return Results.File(bytes, "application/octet-stream", fileDownloadName: Path.GetFileName(publicId));
    }

    /// <summary>How many private downloads were served.</summary>
    public int Downloads;

    /// <summary>
    /// Whether a delivery URL of an authenticated asset carries the signature Cloudinary documents:
    /// <c>s--</c>, the first 8 characters of the URL-safe Base64 SHA-1 of the rest of the path (the
    /// transformation and the public id) followed by the API secret, <c>--</c>.
    /// </summary>
    public static bool IsSignedDelivery(string url, out string transformation)
    {
        transformation = "";
        var prefix = $"https://res.cloudinary.com/{CloudName}/image/authenticated/s--";
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var rest = url[prefix.Length..];
        var end = rest.IndexOf("--/", StringComparison.Ordinal);
        if (end != 8)
            return false;
        var signed = rest[(end + 3)..];
        var expected = Convert
            .ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(signed + ApiSecret)))
            .Replace('+', '-')
            .Replace('/', '_')[..8];
        transformation = signed[..signed.IndexOf('/', StringComparison.Ordinal)];
        return rest[..end] == expected;
    }

    private IResult? Check(string cloud, Dictionary<string, string> parameters)
    {
        var signed = parameters
            .Where(p => p.Key is not ("file" or "api_key" or "resource_type" or "cloud_name" or "signature"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}");
        var expected = Convert
            .ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join("&", signed) + ApiSecret)))
            .ToLowerInvariant();
        var fresh =
            long.TryParse(parameters.GetValueOrDefault("timestamp"), out var timestamp)
            && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) < 3600;
        if (
            cloud == CloudName
            && parameters.GetValueOrDefault("api_key") == ApiKey
            && parameters.GetValueOrDefault("signature") == expected
            && fresh
        )
            return null;
        Interlocked.Increment(ref RejectedSignatures);
        return Results.Json(new { error = new { message = "Invalid Signature" } }, statusCode: 401);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
