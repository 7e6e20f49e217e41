using System.Net;
using System.Net.Http.Headers;
using ArtFolio.Tests.Features.Artworks;
using FastEndpoints;

namespace ArtFolio.Tests.Infrastructure;

using Login = ArtFolio.Features.Auth.Login;
using Me = ArtFolio.Features.Users.Me;

/// <summary>What a web front end on another origin needs: CORS, preflights that cost nothing, compression.</summary>
public sealed class BrowserClientTests
{
    private const string FrontEnd = "http://localhost:5173";

    private static Task<TestApp> StartAsync(Db db, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = FrontEnd,
            ["RateLimiting:Auth:PermitLimit"] = "3",
        };
        foreach (var (key, value) in more ?? [])
            settings[key] = value;
        return TestApp.StartAsync(db, settings);
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method, string headers) =>
        new(HttpMethod.Options, path)
        {
            Headers =
            {
                { "Origin", origin },
                { "Access-Control-Request-Method", method },
                { "Access-Control-Request-Headers", headers },
            },
        };

    [Theory, AllDatabases]
    public async Task A_login_preflight_from_the_front_end_is_answered_without_the_database_or_the_rate_limit(Db db)
    {
        await using var app = await StartAsync(db);
        var login = TestHttp.UrlOf<Login.Endpoint>();

        using var sql = app.Sql.Start();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++) // far past the auth limit of 3
            answers.Add(await app.Anonymous.SendAsync(Preflight(login, FrontEnd, "POST", "content-type")));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.NoContent);
        var first = answers[0].Headers;
        first.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(FrontEnd);
        first.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("POST");
        first.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("content-type", Case.Insensitive);
        first.GetValues("Access-Control-Max-Age").Single().ShouldBe("600");
        first.Contains("Access-Control-Allow-Credentials").ShouldBeFalse(); // bearer tokens, no cookies
        sql.Commands.ShouldBeEmpty();
        // The budget is whole: a real login still gets through.
        var alice = await app.CreateUserAsync("alice");
        var (loggedIn, _) = await app.Anonymous.POSTAsync<
            Login.Endpoint,
            Login.Request,
            ArtFolio.Features.Auth.AuthResponse
        >(new() { Username = alice.Username, Password = alice.Password });
        loggedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task Another_origin_gets_no_cors_headers_and_the_front_end_reads_ours(Db db)
    {
        await using var app = await StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        await alice.CreateArtworkAsync();

        var stranger = await app.Anonymous.SendAsync(
            Preflight(TestHttp.UrlOf<Me.Endpoint>(), "https://evil.example", "GET", "authorization")
        );
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/artworks")
        {
            Headers = { { "Origin", FrontEnd } },
        };
        var allowed = await app.Anonymous.SendAsync(read);

        stranger.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(FrontEnd);
        var exposed = allowed.Headers.GetValues("Access-Control-Expose-Headers").Single();
        foreach (var header in new[] { "ETag", "Location", "Retry-After", "Deprecation", "Link" })
            exposed.ShouldContain(header, Case.Insensitive);
    }

    [Theory, AllDatabases]
    public async Task The_notification_socket_refuses_pages_of_other_origins(Db db)
    {
        await using var app = await StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var client = app.Server.CreateWebSocketClient();
        var url = new Uri(app.Server.BaseAddress, $"/api/v1/notifications/ws?access_token={alice.Auth.AccessToken}");
        url = new UriBuilder(url) { Scheme = "ws" }.Uri;

        client.ConfigureRequest = request => request.Headers.Origin = "https://evil.example";
        var refused = await Should.ThrowAsync<Exception>(() => client.ConnectAsync(url, CancellationToken.None));
        client.ConfigureRequest = request => request.Headers.Origin = FrontEnd;
        using var accepted = await client.ConnectAsync(url, CancellationToken.None);

        refused.Message.ShouldContain("403");
        accepted.State.ShouldBe(System.Net.WebSockets.WebSocketState.Open);
    }

    [Theory, AllDatabases]
    public async Task Json_is_compressed_as_the_client_asks_and_media_never(Db db)
    {
        await using var app = await StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        for (var i = 0; i < 20; i++)
            await alice.CreateArtworkAsync(
                $"Study {i}",
                tags: "ink,paper,light",
                description: "A study in ink on paper."
            );
        var path = $"/api/v1/artworks?artist={alice.Username}&limit=20";

        async Task<(HttpResponseMessage Response, long Bytes)> GetAsync(string url, string? encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (encoding is not null)
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var response = await app.Anonymous.SendAsync(request);
            return (response, (await response.Content.ReadAsByteArrayAsync()).LongLength);
        }

        var (plain, plainBytes) = await GetAsync(path, null);
        var (brotli, brotliBytes) = await GetAsync(path, "br");
        var (gzip, gzipBytes) = await GetAsync(path, "gzip");
        var image = (await alice.CreateArtworkAsync("Media")).ImageUrl;
        var (media, _) = await GetAsync(image, "br");

        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        brotli.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        gzip.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        brotliBytes.ShouldBeLessThan(plainBytes / 3);
        gzipBytes.ShouldBeLessThan(plainBytes / 3);
        brotli.Headers.Vary.ShouldContain("Accept-Encoding");
        media.Content.Headers.ContentEncoding.ShouldBeEmpty();
        Console.WriteLine($"explore page of 20: {plainBytes} bytes plain, {brotliBytes} br, {gzipBytes} gzip");
    }
}
