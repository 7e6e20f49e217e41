using System.Net;
using System.Text;
using ArtFolio.Tests.Features.Artworks;
using FastEndpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Login = ArtFolio.Features.Auth.Login;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>Start-up rules, rate limiting and the problem responses of the pipeline itself.</summary>
public sealed class HostingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("too-short-for-hmac")]
    public void Production_refuses_to_start_without_a_strong_signing_key(string? key)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Jwt:SigningKey", key);
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.GetTempFileName()}");
        });

        var error = Should.Throw<InvalidOperationException>(() => factory.Server);

        error.Message.ShouldContain("Jwt:SigningKey");
    }

    [Fact]
    public async Task An_oversized_body_gets_its_413_over_real_tcp_even_under_load()
    {
        var folder = Directory.CreateTempSubdirectory("artfolio-kestrel-").FullName;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Jwt:SigningKey", TestApp.SigningKey);
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "artfolio.db")}");
            b.UseSetting("Media:LocalPath", Path.Combine(folder, "media"));
            b.UseSetting("RateLimiting:Auth:PermitLimit", "1000000");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        // 3 MB of JSON where 1 MiB is the limit: the client sends it all before it reads the answer.
        var body = System.Text.Encoding.UTF8.GetBytes($"{{\"username\":\"{new string('a', 3_000_000)}\"}}");

        var answers = await Task.WhenAll(
            Enumerable
                .Range(0, 24)
                .Select(async _ =>
                {
                    try
                    {
                        using var content = new ByteArrayContent(body);
                        content.Headers.ContentType = new("application/json");
                        using var response = await client.PostAsync("/api/v1/auth/login", content);
                        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}";
                    }
                    catch (HttpRequestException e)
                    {
                        return $"failed: {e.InnerException?.Message ?? e.Message}";
                    }
                })
        );

        answers.ShouldAllBe(a => a == "413 application/problem+json", string.Join("; ", answers.Distinct()));
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("Media:MaxImageBytes", "-1")]
    [InlineData("Jwt:AccessTokenLifetime", "00:00:00")]
    [InlineData("Outbox:BatchSize", "0")]
    [InlineData("App:PublicBaseUrl", "front-end")]
    [InlineData("RateLimiting:Images:PermitLimit", "0")]
    [InlineData("Email:From", "nobody")]
    [InlineData("Passwords:WorkFactor", "40")]
    [InlineData("Status:CacheDuration", "-00:00:01")]
    public void A_wrong_setting_stops_the_start_with_its_key(string key, string value)
    {
        var folder = Directory.CreateTempSubdirectory("artfolio-settings-").FullName;
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Jwt:SigningKey", TestApp.SigningKey);
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "artfolio.db")}");
            b.UseSetting("Media:LocalPath", Path.Combine(folder, "media"));
            b.UseSetting(key, value);
        });

        var error = Should.Throw<Exception>(() => factory.Server);

        error.Message.ShouldContain(key + ":");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_proxy_network_that_is_not_cidr_stops_the_start_with_its_name()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Proxy:KnownNetworks:0", "10.0.0.0/8");
            b.UseSetting("Proxy:KnownNetworks:1", "the-load-balancer");
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.GetTempFileName()}");
        });

        var error = Should.Throw<InvalidOperationException>(() => factory.Server);

        error.Message.ShouldContain("Proxy:KnownNetworks: 'the-load-balancer'");
    }

    [Fact]
    public async Task Development_generates_a_key_under_data_and_keeps_it()
    {
        var root = Directory.CreateTempSubdirectory("artfolio-dev-").FullName;
        WebApplicationFactory<Program> Start() =>
            new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Development");
                b.UseContentRoot(root);
                b.UseSetting("Jwt:SigningKey", "");
                b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(root, "data", "artfolio.db")}");
            });

        await using (var first = Start())
            _ = first.Server;
        var key = await File.ReadAllTextAsync(Path.Combine(root, "data", "jwt-signing-key"));
        await using (var second = Start())
            _ = second.Server;

        (await File.ReadAllTextAsync(Path.Combine(root, "data", "jwt-signing-key"))).ShouldBe(key);
        Convert.FromBase64String(key).Length.ShouldBeGreaterThanOrEqualTo(32);
    }

    [Fact]
    public async Task Login_is_rate_limited_per_client_with_retry_after()
    {
        await using var app = await TestApp.StartAsync(
            Db.Sqlite,
            new Dictionary<string, string?>
            {
                ["RateLimiting:Auth:PermitLimit"] = "3",
                ["RateLimiting:Auth:Window"] = "00:01:00",
            }
        );
        var attempt = new Login.Request { Username = "nobody", Password = "whatever-it-is" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(attempt)).StatusCode);
        var limited = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(attempt);

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.RetryAfter!.ToString()).ShouldBeInRange(1, 60);
        var problem = await limited.ReadProblemAsync();
        problem.Status.ShouldBe(429);
        problem.Type.ShouldBe("https://tools.ietf.org/html/rfc6585#section-4");
        problem.Title.ShouldBe("Too Many Requests");
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v3/status", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v2/status", HttpStatusCode.NotFound)] // served at the version it was last changed in: v1
    [InlineData("DELETE", "/api/v1/auth/login", HttpStatusCode.MethodNotAllowed)]
    public async Task Unknown_addresses_and_methods_are_problems_too(
        string method,
        string path,
        HttpStatusCode expected
    )
    {
        var app = await TestApp.For(Db.Sqlite);

        var response = await app.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(expected);
        var problem = await response.ReadProblemAsync();
        problem.Status.ShouldBe((int)expected);
        problem.Detail.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [AllDatabases("/api/v1/status", "default-src 'none'")]
    [AllDatabases("/api/v1/no-such-thing", "default-src 'none'")]
    [AllDatabases("/api/v1/users/me", "default-src 'none'")]
    [AllDatabases("/openapi/v1.json", "default-src 'none'")]
    [AllDatabases("/swagger/index.html", "script-src 'self'")]
    public async Task Every_response_carries_the_security_headers(Db db, string path, string policy)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain(policy);
    }

    [Theory, AllDatabases]
    public async Task A_problem_written_by_the_exception_handler_keeps_the_security_headers(Db db)
    {
        var app = await TestApp.For(db);
        var user = await app.CreateUserAsync("headers");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("not an image"u8.ToArray()), "image", "x.png" },
        };

        var response = await user.Client.SendRawAsync<ArtFolio.Features.Artworks.Create.Endpoint>(form);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
    }

    [Theory, AllDatabases]
    public async Task Media_files_keep_their_own_sandboxing_policy(Db db)
    {
        var app = await TestApp.For(db);
        var artist = await app.CreateUserAsync("headers");
        var artwork = await artist.CreateArtworkAsync();

        var response = await app.Anonymous.GetAsync(artwork.ImageUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task An_empty_body_sent_as_json_to_a_route_only_endpoint_is_no_body()
    {
        var app = await TestApp.For(Db.Sqlite);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");

        // Many clients send Content-Type: application/json on every request, with or without a body.
        var response = await bob.Client.SendRawAsync<ArtFolio.Features.Follows.Follow.Endpoint>(
            new StringContent("", Encoding.UTF8, "application/json"),
            route: new { alice.Username }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        // And with the header alone, no body at all (curl -X POST -H 'Content-Type: application/json').
        using var bare = new HttpRequestMessage(
            HttpMethod.Post,
            TestHttp.UrlOf<ArtFolio.Features.Follows.Follow.Endpoint>(new { alice.Username })
        );
        bare.Content = new ByteArrayContent([]);
        bare.Content.Headers.ContentType = new("application/json");
        bare.Content.Headers.ContentLength = null;
        (await bob.Client.SendAsync(bare)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused()
    {
        var app = await TestApp.For(Db.Sqlite);
        var content = new StreamContent(
            new MemoryStream(Encoding.UTF8.GetBytes("{\"email\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"))
        );
        content.Headers.ContentType = new("application/json");

        var response = await app.Anonymous.SendRawAsync<Login.Endpoint>(content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
    }
}
