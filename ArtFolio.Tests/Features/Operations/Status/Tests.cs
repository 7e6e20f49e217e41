using System.Net;
using System.Text.Json;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Operations.Status;

using Status = ArtFolio.Features.Operations.Status;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Reports_the_database_and_no_secrets(Db db)
    {
        var app = await TestApp.For(db);

        var (response, status) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        status!.Status.ShouldBe(Status.Endpoint.Ok);
        status.Version.ShouldNotBeNullOrEmpty();
        status.Services["database"].Status.ShouldBe(Status.Endpoint.Ok);
        status.Services["database"].ResponseTimeMs.ShouldBeGreaterThanOrEqualTo(0);
        var json = await response.Content.ReadAsStringAsync();
        foreach (var secret in new[] { "Password", "Data Source", "Host=", "artfolio-test", TestApp.SigningKey })
            json.ShouldNotContain(secret, Case.Insensitive);
    }

    [Fact]
    public async Task Is_503_with_Error_when_the_database_cannot_be_opened()
    {
        var file = Path.Combine(Path.GetTempPath(), $"{TestApp.Unique("status")}.db");
        await using var app = await TestApp.StartAsync(
            Db.Sqlite,
            new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = $"Data Source={file};Pooling=False",
                // The outbox dispatcher polls the database, and opening SQLite would create the file again.
                ["Outbox:Dispatch"] = "false",
            }
        );
        File.Delete(file);
        Directory.CreateDirectory(file); // a folder where the database file was: SQLite cannot open it

        try
        {
            var response = await app.Anonymous.GETAsync<Status.Endpoint, EmptyRequest>(EmptyRequest.Instance);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var status = JsonSerializer.Deserialize<Status.Response>(
                await response.Content.ReadAsStringAsync(),
                TestHttp.Json
            )!;
            status.Status.ShouldBe(Status.Endpoint.Error);
            status.Services["database"].Status.ShouldBe(Status.Endpoint.Error);
            (await app.Anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            Directory.Delete(file);
        }
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_for_orchestrators(string path)
    {
        var app = await TestApp.For(Db.Sqlite);

        var response = await app.Anonymous.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}
