using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// A stand-in for api.pexels.com on 127.0.0.1, a small Kestrel app serving Pexels' documented shapes
/// (search, curated, one photo, pagination, rate-limit headers) and refusing a wrong Authorization
/// header. Some queries misbehave on purpose: <c>ratelimited</c> (429 with reset headers), <c>boom</c>
/// (500), <c>slow</c> (hangs), <c>garbled</c> (not JSON); photo id 404 does not exist.
/// </summary>
public sealed class FakePexels : IAsyncDisposable
{
    public const string ApiKey = "fake-pexels-key-0123456789";
    public const long MissingPhoto = 404;
    public const int TotalResults = 123;

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> calls = new();

    private FakePexels(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.First();

    /// <summary>How many requests reached each path (without the query string).</summary>
    public int CallsTo(string path) => calls.GetValueOrDefault(path);

    public int TotalCalls => calls.Values.Sum();

    /// <summary>Settings for a TestApp that uses this fake.</summary>
    public Dictionary<string, string?> Settings(string timeout = "00:00:05") =>
        new()
        {
            ["Pexels:ApiKey"] = ApiKey,
            ["Pexels:BaseUrl"] = BaseUrl,
            ["Pexels:Timeout"] = timeout,
        };

    public static async Task<FakePexels> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakePexels(app);
        app.Use(
            async (http, next) =>
            {
                fake.calls.AddOrUpdate(http.Request.Path.Value!, 1, (_, n) => n + 1);
                if (http.Request.Headers.Authorization != ApiKey)
                {
                    http.Response.StatusCode = 401;
                    await http.Response.WriteAsJsonAsync(new { error = "The API key is missing or wrong." });
                    return;
                }
                var reset = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString();
                http.Response.Headers["X-Ratelimit-Limit"] = "20000";
                http.Response.Headers["X-Ratelimit-Remaining"] = "19999";
                http.Response.Headers["X-Ratelimit-Reset"] = reset;
                await next(http);
            }
        );
        app.MapGet("/v1/search", async (HttpContext http) => await PageAsync(http, http.Request.Query["query"]!));
        app.MapGet("/v1/curated", async (HttpContext http) => await PageAsync(http, "curated"));
        app.MapGet(
            "/v1/photos/{id:long}",
            (long id) =>
                id == MissingPhoto
                    ? Results.Json(new { status = 404, code = "Not Found" }, statusCode: 404)
                    : Results.Json(Photo(id))
        );
        await app.StartAsync();
        return fake;
    }

    private static async Task PageAsync(HttpContext http, string query)
    {
        switch (query)
        {
            case "ratelimited":
                http.Response.StatusCode = 429;
                http.Response.Headers["X-Ratelimit-Remaining"] = "0";
                await http.Response.WriteAsJsonAsync(new { error = "Rate limit exceeded" });
                return;
            case "boom":
                http.Response.StatusCode = 500;
                return;
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
                return;
            case "garbled":
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"page\": 1, \"photos\": [ {\"id\": ");
                return;
        }
        var page = int.Parse(http.Request.Query["page"].FirstOrDefault() ?? "1");
        var perPage = int.Parse(http.Request.Query["per_page"].FirstOrDefault() ?? "15");
        var first = (page - 1) * perPage;
        var photos = Enumerable
            .Range(first, Math.Max(0, Math.Min(perPage, TotalResults - first)))
            .Select(i => Photo(1000 + i))
            .ToList();
        var nextPage =
            first + perPage < TotalResults
                ? $"https://api.pexels.com/v1/search/?page={page + 1}&per_page={perPage}&query={query}"
                : null;
        await http.Response.WriteAsJsonAsync(
            new Dictionary<string, object?>
            {
                ["total_results"] = TotalResults,
                ["page"] = page,
                ["per_page"] = perPage,
                ["photos"] = photos,
                ["next_page"] = nextPage,
            }
        );
    }

    /// <summary>A photo as Pexels documents it.</summary>
    public static Dictionary<string, object?> Photo(long id) =>
        new()
        {
            ["id"] = id,
            ["width"] = 4000,
            ["height"] = 3000,
            ["url"] = $"https://www.pexels.com/photo/harbour-at-dawn-{id}/",
            ["photographer"] = "Joana Ribeiro",
            ["photographer_url"] = "https://www.pexels.com/@joana",
            ["photographer_id"] = 680589,
            ["avg_color"] = "#7E6F5C",
            ["src"] = new Dictionary<string, string>
            {
                ["original"] = $"https://images.pexels.com/photos/{id}/pexels-photo-{id}.jpeg",
                ["large2x"] = $"https://images.pexels.com/photos/{id}/pexels-photo-{id}.jpeg?h=650&w=940&dpr=2",
                ["large"] = $"https://images.pexels.com/photos/{id}/pexels-photo-{id}.jpeg?h=650&w=940",
                ["medium"] = $"https://images.pexels.com/photos/{id}/pexels-photo-{id}.jpeg?h=350",
                ["small"] = $"https://images.pexels.com/photos/{id}/pexels-photo-{id}.jpeg?h=130",
                ["portrait"] = $"https://images.pexels.com/photos/{id}/pexels-photo-{id}.jpeg?h=1200&w=800",
                ["landscape"] = $"https://images.pexels.com/photos/{id}/pexels-photo-{id}.jpeg?h=627&w=1200",
                ["tiny"] = $"https://images.pexels.com/photos/{id}/pexels-photo-{id}.jpeg?h=200&w=280",
            },
            ["liked"] = false,
            ["alt"] = "Boats in a harbour at dawn",
        };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
