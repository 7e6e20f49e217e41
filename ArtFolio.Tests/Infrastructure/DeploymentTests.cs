using System.Diagnostics;
using System.Net;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>What a deployment relies on: secrets from files, the self health check, the migration step, the content root.</summary>
public sealed class DeploymentTests
{
    [Fact]
    public void A_FILE_variable_sets_its_key_from_the_file_and_a_missing_file_stops_the_start()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "s3cret-signing-key\n");
        var values = SecretFiles.Read(
            new System.Collections.Hashtable
            {
                ["Jwt__SigningKey_FILE"] = secret,
                ["POSTGRES_PASSWORD_FILE"] = "/not/ours", // another program's: left alone
                ["Jwt__Issuer"] = "plain",
            }
        );
        values.ShouldBe(new Dictionary<string, string?> { ["Jwt:SigningKey"] = "s3cret-signing-key" });

        var missing = Should.Throw<InvalidOperationException>(() =>
            SecretFiles.Read(new System.Collections.Hashtable { ["Database__Password_FILE"] = "/run/secrets/none" })
        );
        missing.Message.ShouldContain("Database__Password_FILE");
    }

    [Fact]
    public void The_database_password_replaces_the_connection_strings()
    {
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=db;Username=artfolio;Password=old;Database=artfolio;Maximum Pool Size=20",
            Password = "from-a-secret",
        };
        var effective = new Npgsql.NpgsqlConnectionStringBuilder(options.EffectiveConnectionString);
        (effective.Password, effective.MaxPoolSize, effective.Host).ShouldBe(("from-a-secret", 20, "db"));
        new DatabaseOptions { ConnectionString = "Data Source=x.db" }.EffectiveConnectionString.ShouldBe(
            "Data Source=x.db"
        );
    }

    [Theory]
    [InlineData("http://+:8080", "http://127.0.0.1:8080")]
    [InlineData("http://*:5000;https://*:5001", "http://127.0.0.1:5000")]
    [InlineData("https://+:443;http://[::]:8080", "http://127.0.0.1:8080")]
    [InlineData("http://localhost:5080", "http://127.0.0.1:5080")]
    [InlineData(null, "http://127.0.0.1:8080")]
    public void The_health_check_command_asks_this_machine_on_the_first_HTTP_address(string? urls, string expected) =>
        Commands.LocalAddress(urls).ShouldBe(expected);

    [Fact]
    public async Task The_health_check_command_exits_0_when_ready_and_1_when_not_answering()
    {
        var folder = Directory.CreateTempSubdirectory("artfolio-health-").FullName;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Jwt:SigningKey", TestApp.SigningKey);
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "artfolio.db")}");
            b.UseSetting("Media:LocalPath", Path.Combine(folder, "media"));
            b.UseSetting("Media:PrivatePath", Path.Combine(folder, "originals"));
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.ClientOptions.BaseAddress.ToString();

        (await Commands.CheckHealthAsync([Commands.HealthCheck, address])).ShouldBe(0);
        await factory.DisposeAsync();
        (await Commands.CheckHealthAsync([Commands.HealthCheck, address])).ShouldBe(1);
    }

    [Fact]
    public async Task The_migrate_command_migrates_and_exits_and_replicas_can_skip_migrating()
    {
        var folder = Directory.CreateTempSubdirectory("artfolio-migrate-").FullName;
        var database = Path.Combine(folder, "artfolio.db");
        var start = new ProcessStartInfo(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "ArtFolio.dll"), Commands.Migrate]
        )
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Jwt__SigningKey_FILE"] = WriteSecret(folder, TestApp.SigningKey);
        start.Environment["Database__ConnectionString"] = $"Data Source={database}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        process.ExitCode.ShouldBe(0, await output + await errors);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        ((long)(await count.ExecuteScalarAsync())!).ShouldBeGreaterThan(10);

        // A replica with MigrateOnStart off starts on the migrated database without touching the schema.
        await using var replica = await TestApp.StartAsync(
            Db.Sqlite,
            new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = $"Data Source={database}",
                ["Database:MigrateOnStart"] = "false",
            }
        );
        (await replica.Anonymous.GetAsync("/api/v1/artworks")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void The_content_root_is_the_apps_folder_unless_the_working_folder_has_the_settings_or_one_is_chosen()
    {
        var empty = Directory.CreateTempSubdirectory("artfolio-cwd-").FullName;
        ContentRoot.PathFor([], empty).ShouldBe(AppContext.BaseDirectory);
        ContentRoot.PathFor(["--contentRoot", "/srv/artfolio"], empty).ShouldBeNull();
        var withSettings = Directory.CreateTempSubdirectory("artfolio-cwd-").FullName;
        File.WriteAllText(Path.Combine(withSettings, "appsettings.json"), "{}");
        ContentRoot.PathFor([], withSettings).ShouldBeNull();
    }

    private static string WriteSecret(string folder, string value)
    {
        var path = Path.Combine(folder, "jwt_signing_key");
        File.WriteAllText(path, value + "\n");
        return path;
    }
}
