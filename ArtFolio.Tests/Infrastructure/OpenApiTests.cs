using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArtFolio.Tests.Infrastructure;

public sealed class OpenApiTests
{
    private static async Task<JsonNode> Document(string version)
    {
        var app = await TestApp.For(Db.Sqlite);
        var response = await app.Anonymous.GetAsync($"/openapi/{version}.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>
    /// Catches accidental contract changes. After an intended change, regenerate with
    /// <c>UPDATE_SNAPSHOTS=1 dotnet test --filter OpenApiTests</c> and commit the new snapshot.
    /// </summary>
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task The_document_matches_its_snapshot(string version)
    {
        var actual = (await Document(version)).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = Path.Combine(SnapshotFolder(), $"openapi-{version}.json");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            await File.WriteAllTextAsync(path, actual);
            File.Exists(path).ShouldBeTrue();
            return;
        }
        actual.ShouldBe(await File.ReadAllTextAsync(path), "the OpenAPI document changed; see this test's summary");
    }

    [Fact]
    public async Task V1_marks_the_replaced_logout_deprecated_and_v2_serves_its_replacement()
    {
        var v1 = await Document("v1");
        var v2 = await Document("v2");

        v1["paths"]!["/api/v1/auth/logout"]!["post"]!["deprecated"]!.GetValue<bool>().ShouldBeTrue();
        var logoutV2 = v2["paths"]!["/api/v2/auth/logout"]!["post"]!;
        (logoutV2["deprecated"]?.GetValue<bool>() ?? false).ShouldBeFalse();
        logoutV2["security"]!.AsArray().ShouldNotBeEmpty();
        logoutV2["requestBody"].ShouldBeNull();
    }

    /// <summary>
    /// Release groups: the v2 document lists every v1 operation at its v1 path, except one that v2
    /// replaced, which it lists at its v2 path instead.
    /// </summary>
    [Fact]
    public async Task The_v2_document_lists_every_v1_operation_or_its_successor()
    {
        var v1 = await Document("v1");
        var v2 = await Document("v2");

        foreach (var (path, item) in v1["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var replaced = operation!["deprecated"]?.GetValue<bool>() == true;
            var expected = replaced ? path.Replace("/api/v1/", "/api/v2/") : path;
            v2["paths"]![expected]?[method].ShouldNotBeNull($"{method} {path} is missing from v2 as {expected}");
        }
        v2["paths"]!.AsObject().Count.ShouldBe(v1["paths"]!.AsObject().Count);
    }

    [Fact]
    public async Task What_the_document_calls_required_an_anonymous_artwork_read_sends()
    {
        var app = await TestApp.For(Db.Sqlite);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await ArtFolio.Tests.Features.Artworks.Uploads.CreateArtworkAsync(alice);
        var v1 = await Document("v1");
        var schema = v1["components"]!["schemas"]!.AsObject().Single(s => s.Key == "Artworks.ArtworkResponse").Value!;

        var read = JsonNode.Parse(await app.Anonymous.GetStringAsync($"/api/v1/artworks/{artwork.Id}"))!.AsObject();

        var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        required.ShouldNotBeEmpty();
        required.ShouldNotContain("likedByMe"); // sent only with a token
        foreach (var name in required)
            read.ContainsKey(name).ShouldBeTrue($"'{name}' is required by the document but was not sent");
    }

    [Fact]
    public async Task Schemas_are_named_after_their_slice_and_errors_are_described()
    {
        var v1 = await Document("v1");
        var schemas = v1["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        schemas.ShouldContain("Auth.Register.Request");
        schemas.ShouldContain("Auth.Login.Request");
        schemas.ShouldContain("Auth.AuthResponse");
        var register = v1["paths"]!["/api/v1/auth/register"]!["post"]!["responses"]!.AsObject();
        register.Select(r => r.Key).ShouldBe(["201", "400", "409", "429"], ignoreOrder: true);
        v1["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Every_json_request_body_shows_an_example(string version)
    {
        var document = await Document(version);
        var bodies = document["paths"]!
            .AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (name: $"{op.Key} {path.Key}", op: op.Value!)))
            .Where(o => o.op["requestBody"]?["content"]?["application/json"] is not null)
            .ToList();

        bodies.Count.ShouldBeGreaterThan(15);
        foreach (var (name, operation) in bodies)
            operation["requestBody"]!["content"]!["application/json"]!
                ["example"]
                .ShouldNotBeNull($"{name} has no example");
    }

    [Fact]
    public async Task Swagger_ui_offers_both_versions()
    {
        var app = await TestApp.For(Db.Sqlite);

        var page = await app.Anonymous.GetAsync("/swagger/index.html");
        var config = await app.Anonymous.GetStringAsync("/swagger/index.js");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        config.ShouldContain("/openapi/v1.json");
        config.ShouldContain("/openapi/v2.json");
    }

    private static string SnapshotFolder([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(source))!, "Snapshots");
}
