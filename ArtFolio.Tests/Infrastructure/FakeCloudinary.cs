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
        Stored[publicId] = bytes.ToArray();
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
                    $"https://res.cloudinary.com/{cloud}/{resource}/upload/v1700000000/{publicId}.{extension}",
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
        return Results.Json(new { result = Stored.TryRemove(publicId, out _) ? "ok" : "not found" });
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
