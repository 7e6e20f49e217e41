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
        var schema = v1["components"]!["schemas"]!.AsObject().Single(s => s.Key == "ArtworkResponse").Value!;

        var read = JsonNode.Parse(await app.Anonymous.GetStringAsync($"/api/v1/artworks/{artwork.Id}"))!.AsObject();

        var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        required.ShouldNotBeEmpty();
        required.ShouldNotContain("likedByMe"); // sent only with a token
        foreach (var name in required)
            read.ContainsKey(name).ShouldBeTrue($"'{name}' is required by the document but was not sent");
    }

    [Fact]
    public async Task Schemas_have_names_generators_can_use_as_type_names()
    {
        var v1 = await Document("v1");
        var schemas = v1["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        schemas.ShouldContain("AuthRegisterRequest"); // every slice has a Request: its path tells them apart
        schemas.ShouldContain("ArtworkResponse"); // a name of its own stays as it is
        schemas.ShouldContain("PageOfArtworkResponse");
        schemas.ShouldContain("ExternalImage"); // no namespace
        foreach (var name in schemas)
            name.ShouldMatch("^[A-Z][A-Za-z0-9]*$");
        schemas.ShouldNotContain("IFormFile");
        var upload = v1["components"]!["schemas"]!["ArtworksCreateForm"]!["properties"]!["image"]!;
        (upload["type"]!.GetValue<string>(), upload["format"]!.GetValue<string>()).ShouldBe(("string", "binary"));
        var avatar = v1["components"]!["schemas"]!["UsersSetAvatarForm"]!["properties"]!;
        avatar["file"]!["deprecated"]!.GetValue<bool>().ShouldBeTrue(); // the legacy field, declared
        var register = v1["paths"]!["/api/v1/auth/register"]!["post"]!["responses"]!.AsObject();
        register.Select(r => r.Key).ShouldBe(["201", "400", "409", "415", "429"], ignoreOrder: true);
        v1["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Tags_run_in_reading_order_and_every_operation_and_parameter_is_described(string version)
    {
        var document = await Document(version);
        var tags = document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();

        tags.Take(4).ShouldBe(["Auth", "Artworks", "Users", "Portfolio"]);
        foreach (var tag in document["tags"]!.AsArray())
            tag!["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        foreach (var (name, operation) in Operations(document))
        {
            operation["description"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{name} has no description");
            foreach (var tag in operation["tags"]!.AsArray())
                tags.ShouldContain(tag!.GetValue<string>(), $"{name} uses an undeclared tag");
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                parameter!
                    ["description"]
                    ?.GetValue<string>()
                    .ShouldNotBeNullOrWhiteSpace($"{name}: parameter {parameter["name"]} has no description");
        }
        document["info"]!["description"]!.GetValue<string>().ShouldContain("`/api/v{version}/`");
        document["servers"]!.AsArray().ShouldAllBe(s => !s!["url"]!.GetValue<string>().EndsWith('/'));
    }

    [Fact]
    public async Task Closed_sets_are_enums_and_bounds_are_the_validators()
    {
        var v1 = await Document("v1");
        JsonNode Parameter(string path, string name) =>
            v1["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;
        static List<string> Enum(JsonNode schema) => [.. schema["enum"]!.AsArray().Select(e => e!.GetValue<string>())];

        Enum(Parameter("/api/v1/artworks", "sort")["schema"]!).ShouldBe(ArtFolio.Features.Artworks.ArtworkSort.Names);
        Enum(Parameter("/api/v1/artworks/popular", "period")["schema"]!)
            .ShouldBe(ArtFolio.Features.Artworks.Popular.Endpoint.Periods.Keys);
        var limit = Parameter("/api/v1/artworks", "limit")["schema"]!;
        (limit["minimum"]!.GetValue<int>(), limit["maximum"]!.GetValue<int>()).ShouldBe((1, 100));
        Enum(v1["components"]!["schemas"]!["NotificationItem"]!["properties"]!["type"]!)
            .ShouldBe(["new_artwork", "new_follower", "like", "comment", "broadcast", "sale"]);
        var section = v1["paths"]!["/api/v1/users/me/portfolio/{section}/{id}"]!["delete"]!["parameters"]![0]!;
        Enum(section["schema"]!).ShouldBe(["projects", "skills", "experience", "education"]);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Every_status_a_client_meets_is_documented_with_its_body(string version)
    {
        var document = await Document(version);
        foreach (var (name, operation) in Operations(document))
        {
            var responses = operation["responses"]!.AsObject();
            responses.Any(r => r.Key.StartsWith('2') || r.Key == "101").ShouldBeTrue($"{name} has no success");
            if (operation["requestBody"] is not null)
                responses.ContainsKey("415").ShouldBeTrue($"{name} takes a body but does not document 415");
            if (responses.ContainsKey("304"))
            {
                responses["200"]!["headers"]!["ETag"].ShouldNotBeNull($"{name}: no ETag on 200");
                operation["parameters"]!
                    .AsArray()
                    .ShouldContain(p => p!["name"]!.GetValue<string>() == "If-None-Match", $"{name}: no If-None-Match");
            }
            foreach (var (status, response) in responses)
            {
                if (response!["content"]?["application/problem+json"] is { } problem)
                    problem["schema"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/Problem");
                if (status.StartsWith('2') && response["content"]?["application/json"] is { } json)
                    json["example"].ShouldNotBeNull($"{name} {status} shows no example");
            }
        }
    }

    /// <summary>The problem schema against what the API sends for different errors, as a client reads them.</summary>
    [Fact]
    public async Task What_errors_send_is_what_the_problem_schema_says()
    {
        var app = await TestApp.For(Db.Sqlite);
        var alice = await app.CreateUserAsync("problem_reader");
        var schema = (await Document("v1"))["components"]!["schemas"]!["Problem"]!;
        var declared = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

        HttpResponseMessage[] errors =
        [
            await app.Anonymous.GetAsync($"/api/v1/artworks/{Guid.NewGuid()}"), // 404
            await app.Anonymous.GetAsync("/api/v1/artworks?limit=0"), // 400 with errors
            await app.Anonymous.GetAsync("/api/v1/users/me"), // 401
            await alice.Client.PostAsync( // 415
                "/api/v1/auth/change-password",
                new StringContent("password", System.Text.Encoding.UTF8, "text/plain")
            ),
            await alice.Client.PostAsync( // 400, unreadable body
                "/api/v1/auth/change-password",
                new StringContent("{", System.Text.Encoding.UTF8, "application/json")
            ),
        ];
        errors.Select(e => (int)e.StatusCode).ShouldBe([404, 400, 401, 415, 400]);
        foreach (var error in errors)
        {
            error.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var body = JsonNode.Parse(await error.Content.ReadAsStringAsync())!.AsObject();
            foreach (var name in required)
                body.ContainsKey(name).ShouldBeTrue($"a {(int)error.StatusCode} lacks '{name}'");
            foreach (var (name, _) in body)
                declared.ShouldContain(
                    name,
                    $"a {(int)error.StatusCode} sends '{name}', which the schema does not declare"
                );
        }
    }

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!
            .AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => ($"{op.Key} {path.Key}", op.Value!)));

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
