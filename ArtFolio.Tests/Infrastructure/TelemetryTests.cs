using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ArtFolio.Tests.Features.Artworks;
using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ArtFolio.Tests.Infrastructure;

using Follow = ArtFolio.Features.Follows.Follow;
using Login = ArtFolio.Features.Auth.Login;
using Search = ArtFolio.Features.Images.Search;

/// <summary>Activity and meter listeners are process-wide: the telemetry tests run alone, after the others.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// What an operator receives: spans and metrics read back from OpenTelemetry's in-memory exporter, the
/// Prometheus scrape as Prometheus reads it, and the log of a real process started from another folder.
/// </summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    private sealed record Telemetry(List<Activity> Spans, List<MetricSnapshot> Metrics);

    private static async Task<(TestApp App, Telemetry Telemetry)> StartAsync(
        Db db,
        Dictionary<string, string?> settings
    )
    {
        var telemetry = new Telemetry([], []);
        var app = await TestApp.StartAsync(
            db,
            settings,
            services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(telemetry.Spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(telemetry.Metrics));
            }
        );
        return (app, telemetry);
    }

    private static void Flush(TestApp app)
    {
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>The sum of a counter's points whose tags include <paramref name="tag"/>, in the last export.</summary>
    private static long Sum(Telemetry telemetry, string name, (string Key, string Value)? tag = null)
    {
        var metric = telemetry.Metrics.LastOrDefault(m => m.Name == name);
        if (metric is null)
            return 0;
        long sum = 0;
        foreach (var point in metric.MetricPoints)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var t in point.Tags)
                tags[t.Key] = t.Value;
            if (tag is { } wanted && !Equals(tags.GetValueOrDefault(wanted.Key), wanted.Value))
                continue;
            sum += point.GetSumLong();
        }
        return sum;
    }

    [Theory, AllDatabases]
    public async Task Requests_their_database_and_outside_calls_are_traced_and_counted(Db db)
    {
        await using var pexels = await FakePexels.StartAsync();
        var settings = pexels.Settings();
        settings["RateLimiting:Auth:PermitLimit"] = "6";
        var (app, telemetry) = await StartAsync(db, settings);
        await using var _ = app;
        // Activity listeners are process-wide: this app's own requests are told apart by their user agent.
        var agent = $"telemetry-test/{Guid.NewGuid():N}";
        app.Anonymous.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        var artist = await app.CreateUserAsync("artist");
        artist.Client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        var fan = await app.CreateUserAsync("fan");

        await fan.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = artist.Username });

        await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, object>(
            new() { Username = artist.Username, Password = artist.Password }
        );
        await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, object>(
            new() { Username = artist.Username, Password = "wrong password!" }
        );
        var artwork = await artist.CreateArtworkAsync("Traced");
        var (searched, _) = await app.Anonymous.GETAsync<Search.Endpoint, Search.Query, object>(
            new() { Q = "harbour" }
        );
        searched.StatusCode.ShouldBe(HttpStatusCode.OK);
        HttpStatusCode status;
        do status = (
            await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, object>(
                new() { Username = artist.Username, Password = "x" }
            )
        )
            .Response
            .StatusCode;
        while (status != HttpStatusCode.TooManyRequests);
        await TestApp.EventuallyAsync(
            () =>
                app.QueryAsync(d =>
                    Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                        d.Notifications,
                        n => n.RecipientId == fan.Id
                    )
                ),
            n => n > 0
        );
        Flush(app);

        // One trace follows a request into the outside service it called and its SQL.
        var search = telemetry.Spans.Single(s =>
            s.Kind == ActivityKind.Server
            && (string?)s.GetTagItem("http.route") == "/api/v1/images/search"
            && (string?)s.GetTagItem("user_agent.original") == agent
        );
        var inTrace = telemetry.Spans.Where(s => s.TraceId == search.TraceId).ToList();
        inTrace.ShouldContain(s =>
            s.Kind == ActivityKind.Client
            && (string?)s.GetTagItem("server.address") == "127.0.0.1"
            && (s.GetTagItem("url.full") as string ?? "").EndsWith("/v1/search?*")
        ); // the query is redacted
        var upload = telemetry.Spans.Single(s =>
            s.Kind == ActivityKind.Server
            && (string?)s.GetTagItem("http.route") == "/api/v1/artworks"
            && s.GetTagItem("http.request.method") as string == "POST"
            && (string?)s.GetTagItem("user_agent.original") == agent
        );
        var sql = telemetry
            .Spans.Where(s =>
                s.TraceId == upload.TraceId && s.Kind == ActivityKind.Client && s.GetTagItem("db.system") is not null
            )
            .ToList();
        sql.ShouldNotBeEmpty();
        sql.ShouldAllBe(s => s.GetTagItem("db.system") as string == (db == Db.Postgres ? "postgresql" : "sqlite"));
        // Probes are not traced.
        await app.Anonymous.GetAsync("/health/ready");
        Flush(app);
        telemetry.Spans.ShouldNotContain(s => (s.GetTagItem("url.path") as string ?? "").StartsWith("/health"));

        // ASP.NET Core's request metrics by route, the runtime's and the process's, and ArtFolio's own.
        var names = telemetry.Metrics.Select(m => m.Name).ToHashSet();
        names.ShouldContain("http.server.request.duration");
        names.ShouldContain(n => n.StartsWith("dotnet.gc") || n.StartsWith("process.runtime.dotnet"));
        names.ShouldContain(n => n.StartsWith("process.memory") || n.StartsWith("process.cpu"));
        var routes = telemetry
            .Metrics.Last(m => m.Name == "http.server.request.duration")
            .MetricPoints.SelectMany(p =>
            {
                var tags = new List<string>();
                foreach (var t in p.Tags)
                    if (t.Key == "http.route")
                        tags.Add((string)t.Value!);
                return tags;
            });
        routes.ShouldContain("/api/v1/images/search");
        Sum(telemetry, "artfolio.logins", ("artfolio.login.outcome", "success")).ShouldBe(1);
        Sum(telemetry, "artfolio.logins", ("artfolio.login.outcome", "wrong_credentials"))
            .ShouldBeGreaterThanOrEqualTo(1);
        Sum(telemetry, "artfolio.uploads", ("artfolio.upload.use", "artwork")).ShouldBe(1);
        Sum(telemetry, "artfolio.uploads.size").ShouldBe(artwork.Bytes);
        Sum(telemetry, "artfolio.notifications.pushed").ShouldBeGreaterThanOrEqualTo(1);
        Sum(telemetry, "artfolio.rate_limit.rejections", ("artfolio.rate_limit.policy", "auth")).ShouldBe(1);
        names.ShouldContain("artfolio.outbox.backlog");
        names.ShouldContain("artfolio.outbox.oldest_age");
    }

    /// <summary>A collector on loopback (OTLP over HTTP, as the OpenTelemetry Collector's 4318 port takes it) receives both signals at their paths.</summary>
    [Fact]
    public async Task With_a_collector_configured_traces_and_metrics_are_sent_to_it_over_OTLP()
    {
        var received = new System.Collections.Concurrent.ConcurrentQueue<(string Path, string? Type, long Bytes)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = builder.Build();
        collector.MapPost(
            "/v1/{signal}",
            async (HttpContext http, string signal) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                received.Enqueue(($"/v1/{signal}", http.Request.ContentType, body.Length));
                return Results.Ok();
            }
        );
        await collector.StartAsync();
        await using var app = await TestApp.StartAsync(
            Db.Sqlite,
            new Dictionary<string, string?>
            {
                ["Telemetry:OtlpEndpoint"] = collector.Urls.First(),
                ["Telemetry:OtlpProtocol"] = "HttpProtobuf",
                ["Telemetry:ExportInterval"] = "00:00:01",
            }
        );

        (await app.Anonymous.GetAsync("/api/v1/artworks")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Flush(app);

        await TestApp.EventuallyAsync(
            () => Task.FromResult(received.Select(r => r.Path).Distinct().Count()),
            paths => paths >= 2
        );
        received.ShouldContain(r => r.Path == "/v1/traces" && r.Type == "application/x-protobuf" && r.Bytes > 0);
        received.ShouldContain(r => r.Path == "/v1/metrics" && r.Type == "application/x-protobuf" && r.Bytes > 0);
        received.ShouldAllBe(r => r.Path == "/v1/traces" || r.Path == "/v1/metrics");
    }

    [Theory, AllDatabases]
    public async Task The_Prometheus_scrape_is_off_unless_switched_on_and_then_only_on_its_own_port_if_given(Db db)
    {
        var off = await TestApp.For(db);
        (await off.Anonymous.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var on = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Telemetry:PrometheusEnabled"] = "true" }
        );
        var user = await on.CreateUserAsync("scraped");
        await user.CreateArtworkAsync("Counted");
        var scrape = await TestApp.EventuallyAsync(
            () => on.Anonymous.GetStringAsync("/metrics"),
            text => text.Contains("artfolio_uploads_total")
        );
        scrape.ShouldContain("# TYPE artfolio_uploads_total counter");
        scrape.ShouldContain("http_server_request_duration_seconds_bucket");
        scrape.ShouldContain("artfolio_outbox_backlog");

        await using var ownPort = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Telemetry:PrometheusEnabled"] = "true",
                ["Telemetry:PrometheusPort"] = "9464",
            }
        );
        (await ownPort.Anonymous.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// <c>dotnet /path/ArtFolio.dll</c> started from an empty folder, as an operator's service manager does:
    /// it reads the appsettings.json it shipped with (quiet framework logs), and with the JSON formatter
    /// writes one line per request with its route template and trace id, and nothing of the query string.
    /// </summary>
    [Fact]
    public async Task A_process_started_elsewhere_logs_one_JSON_line_per_request_with_its_trace()
    {
        var folder = Directory.CreateTempSubdirectory("artfolio-elsewhere-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ArtFolio.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Jwt__SigningKey"] = TestApp.SigningKey;
        start.Environment["Logging__Console__FormatterName"] = "json";
        start.Environment["Logging__Console__FormatterOptions__IncludeScopes"] = "true";
        start.Environment["Media__CleanStoredMedia"] = "false";
        foreach (var inherited in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT" })
            start.Environment.Remove(inherited);
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (lines)
                    lines.Add(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await TestApp.EventuallyAsync(
                async () =>
                {
                    try
                    {
                        return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                ready => ready,
                seconds: 60
            );
            for (var i = 0; i < 20; i++)
                (await client.GetAsync($"/api/v1/artworks?q=secret{i}%40example.com")).StatusCode.ShouldBe(
                    HttpStatusCode.OK
                );
            await TestApp.EventuallyAsync(() => Task.FromResult(RequestLines(lines).Count), n => n >= 20, seconds: 10);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var requests = RequestLines(lines)
            .Where(l => l.GetProperty("Message").GetString()!.StartsWith("GET /api/v1/artworks "))
            .ToList();
        requests.Count.ShouldBe(20); // one line each
        foreach (var line in requests)
        {
            line.GetProperty("Message").GetString()!.ShouldMatch(@"^GET /api/v1/artworks 200 in \d+\.\d ms$");
            line.GetProperty("State").GetProperty("Route").GetString().ShouldBe("/api/v1/artworks");
            var traceIds = line.GetProperty("Scopes")
                .EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
                .Select(s => s.GetProperty("TraceId").GetString())
                .ToList();
            traceIds.ShouldHaveSingleItem()!.Length.ShouldBe(32);
        }
        string text;
        lock (lines)
            text = string.Join('\n', lines);
        text.ShouldNotContain("secret"); // the query string never reaches the log
        text.ShouldNotContain("Request starting"); // the shipped appsettings.json was read: ASP.NET Core at Warning
        text.ShouldNotContain("Executed DbCommand");
        Directory.Exists(Path.Combine(folder, "data")).ShouldBeTrue(); // data stays where it was started
    }

    private static List<JsonElement> RequestLines(List<string> lines)
    {
        lock (lines)
            return
            [
                .. lines
                    .Where(l => l.StartsWith('{'))
                    .Select(l => JsonDocument.Parse(l).RootElement)
                    .Where(e => e.GetProperty("Category").GetString() == "ArtFolio.Requests"),
            ];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
