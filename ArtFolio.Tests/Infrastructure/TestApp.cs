using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using ArtFolio.Features.Auth;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Register = ArtFolio.Features.Auth.Register;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>A logged-in user made through the real register endpoint, with a client that sends its token.</summary>
public sealed record TestUser(
    HttpClient Client,
    Guid Id,
    string Username,
    string Email,
    string Password,
    AuthResponse Auth
);

/// <summary>
/// The real app on a real database. <see cref="For"/> gives the shared instance per database (tests
/// arrange their own uniquely named data, so they share it safely); <see cref="StartAsync"/> gives a
/// private one with its own settings and clock, for tests that change configuration or time.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-long-enough-even-for-hs512-0123456789abcdefghijk";

    private static readonly ConcurrentDictionary<Db, Lazy<Task<TestApp>>> Shared = new();
    private readonly Dictionary<string, string?> settings;
    private readonly string? postgresDatabase;
    private readonly string? sqliteFile;
    private HttpClient? anonymous;

    /// <summary>
    /// A second instance of this app on the same database and media folder, as when the API runs as
    /// several instances; it leaves the database and folder to this one to clean up.
    /// </summary>
    public TestApp StartSibling(IDictionary<string, string?>? overrides = null, params IInterceptor[] interceptors)
    {
        var siblingSettings = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            siblingSettings[key] = value;
        var sibling = new TestApp(Database, siblingSettings, postgresDatabase: null, sqliteFile: null)
        {
            ownsMedia = false,
            interceptors = interceptors,
        };
        _ = sibling.Server;
        return sibling;
    }

    private bool ownsMedia = true;
    private IInterceptor[] interceptors = [];
    private Action<IServiceCollection>? moreServices;

    private TestApp(Db database, Dictionary<string, string?> settings, string? postgresDatabase, string? sqliteFile)
    {
        Database = database;
        this.settings = settings;
        this.postgresDatabase = postgresDatabase;
        this.sqliteFile = sqliteFile;
    }

    public Db Database { get; }

    /// <summary>The SQLite database file of an app that made its own (null on PostgreSQL).</summary>
    public string? SqliteFile => sqliteFile;

    /// <summary>This app's local media folder (every app has its own).</summary>
    public string MediaRoot => settings["Media:LocalPath"]!;

    /// <summary>Where this app keeps originals, outside <see cref="MediaRoot"/>.</summary>
    public string PrivateMediaRoot => settings["Media:PrivatePath"]!;
    public AdjustableClock Clock { get; } = new();
    public SqlRecorder Sql { get; } = new();

    /// <summary>A client with no token.</summary>
    public HttpClient Anonymous => anonymous ??= CreateClient();

    public static Task<TestApp> For(Db database) =>
        Shared.GetOrAdd(database, db => new Lazy<Task<TestApp>>(() => StartAsync(db))).Value;

    static TestApp() =>
        // The shared apps live as long as the test run; drop their databases and folders when it ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var app in Shared.Values.Where(a => a.IsValueCreated && a.Value.IsCompletedSuccessfully))
                app.Value.Result.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        };

    /// <summary>A private app; dispose it at the end of the test. <paramref name="settings"/> override configuration keys.</summary>
    public static Task<TestApp> StartAsync(Db database, IDictionary<string, string?>? settings = null) =>
        StartAsync(database, settings, services: null);

    /// <summary>A private app with more (or replaced) services, e.g. an in-memory telemetry exporter.</summary>
    public static async Task<TestApp> StartAsync(
        Db database,
        IDictionary<string, string?>? settings,
        Action<IServiceCollection>? services
    )
    {
        var all = new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = SigningKey,
            // The shared apps serve every test at once; the rate limit has its own test with a low limit.
            ["RateLimiting:Auth:PermitLimit"] = "1000000",
            // BCrypt's cheapest cost: hundreds of accounts are made; the cost itself has its own test.
            ["Passwords:WorkFactor"] = "4",
            // Mail goes to a real SMTP listener on loopback, shared by every app of the run.
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = FakeSmtpServer.Shared.Port.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            ),
            ["Email:Smtp:Security"] = "None",
            ["App:PublicBaseUrl"] = "https://front.example",
            // The one-time cleaning of stored media is driven by its own test, batch by batch.
            ["Media:CleanStoredMedia"] = "false",
        };
        string? postgresDatabase = null,
            sqliteFile = null;
        if (database == Db.Postgres)
        {
            postgresDatabase = $"artfolio_test_{Guid.NewGuid():N}";
            all["Database:Provider"] = "Postgres";
            all["Database:ConnectionString"] = await CreatePostgresDatabase(postgresDatabase);
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"artfolio-test-{Guid.NewGuid():N}.db");
            all["Database:Provider"] = "Sqlite";
            all["Database:ConnectionString"] = $"Data Source={sqliteFile}";
        }
        all["Media:LocalPath"] = Directory.CreateTempSubdirectory("artfolio-media-").FullName;
        all["Media:PrivatePath"] = all["Media:LocalPath"] + "-originals";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;

        var app = new TestApp(database, all, postgresDatabase, sqliteFile) { moreServices = services };
        _ = app.Server; // start now: migrations run here, not inside the first test's timing
        TestHttp.LearnRoutes(app.Services);
        return await Task.FromResult(app);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IInterceptor>(Sql);
            foreach (var interceptor in interceptors)
                services.AddSingleton(interceptor);
            moreServices?.Invoke(services);
            services.Configure<TestServerOptions>(options => options.PreserveExecutionContext = true);
        });
    }

    /// <summary>The same app (database, media folder, settings) with one more EF interceptor, e.g. to make writes fail.</summary>
    public WebApplicationFactory<Program> WithInterceptor(IInterceptor interceptor) =>
        WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(interceptor)));

    /// <summary>Registers a new user with a unique name starting with <paramref name="name"/>.</summary>
    public async Task<TestUser> CreateUserAsync(string name = "user")
    {
        var username = Unique(name);
        var password = "correct horse battery staple";
        var request = new Register.Request
        {
            Username = username,
            Email = $"{username}@example.com",
            Password = password,
            ConfirmPassword = password,
            DisplayName = $"{name} tester",
        };
        var (response, auth) = await Anonymous.POSTAsync<Register.Endpoint, Register.Request, AuthResponse>(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new TestUser(
            this.ClientWithToken(auth!.AccessToken),
            auth.User.Id,
            username,
            request.Email,
            password,
            auth
        );
    }

    /// <summary>Every file in the app's media folder, uploads still streaming in included.</summary>
    public IReadOnlyList<string> MediaFiles() =>
        Directory
            .GetFiles(MediaRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(MediaRoot, f))
            .Where(f => !Path.GetFileName(f).StartsWith("probe-", StringComparison.Ordinal))
            .ToList();

    /// <summary>The originals kept privately, relative to <see cref="PrivateMediaRoot"/>.</summary>
    public IReadOnlyList<string> PrivateMediaFiles() =>
        Directory.Exists(PrivateMediaRoot)
            ?
            [
                .. Directory
                    .GetFiles(PrivateMediaRoot, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(PrivateMediaRoot, f)),
            ]
            : [];

    /// <summary>Waits for something the app does in the background (notifications), up to <paramref name="seconds"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(25);
        }
    }

    /// <summary>A name no other test uses: <c>alice_k3j9x2ab</c>.</summary>
    public static string Unique(string name) => $"{name}_{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs a query against the app's database in a fresh scope, as an assertion's source of truth.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await query(db);
    }

    public async Task ExecuteAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(AllDatabasesAttribute.PostgresConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand(
                $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)",
                admin
            );
            // FORCE may not end a server process of another role (an autovacuum worker busy with this
            // database): wait for it to finish rather than fail the test over clean-up.
            for (var attempt = 1; ; attempt++)
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == "42501" && attempt < 20)
                {
                    await Task.Delay(250);
                }
        }
        if (ownsMedia && Directory.Exists(MediaRoot))
            Directory.Delete(MediaRoot, recursive: true);
        if (ownsMedia && Directory.Exists(PrivateMediaRoot))
            Directory.Delete(PrivateMediaRoot, recursive: true);
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                File.Delete(file);
        }
    }

    private static async Task<string> CreatePostgresDatabase(string name)
    {
        var server =
            AllDatabasesAttribute.PostgresConnectionString
            ?? throw new InvalidOperationException(
                $"Set {AllDatabasesAttribute.PostgresConnectionVariable} to test on PostgreSQL."
            );
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}

public static class WebApplicationFactoryExtensions
{
    public static HttpClient ClientWithToken(this WebApplicationFactory<Program> factory, string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
