using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Infrastructure.Hosting;

/// <summary>
/// What <c>dotnet ArtFolio.dll</c> does besides serving, for containers that have nothing else in them:
/// <c>healthcheck</c> asks the running API on this machine whether it is ready (exit 0) or not (exit 1),
/// the image having no curl; <c>migrate</c> applies pending migrations and exits, as a deployment's one-shot
/// step before the replicas start with <c>Database:MigrateOnStart=false</c>.
/// </summary>
public static class Commands
{
    public const string HealthCheck = "healthcheck";
    public const string Migrate = "migrate";

    public static bool IsHealthCheck(string[] args) => args is [HealthCheck, ..];

    public static bool IsMigrate(string[] args) => args is [Migrate, ..];

    /// <summary>GET /health/ready on this machine's first address of ASPNETCORE_URLS (or <paramref name="args"/>[1]).</summary>
    public static async Task<int> CheckHealthAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : LocalAddress(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync($"{url.TrimEnd('/')}/health/ready");
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"not answering: {e.Message}");
            return 1;
        }
    }

    /// <summary><c>http://+:8080;https://...</c> as <c>http://127.0.0.1:8080</c>: the first HTTP address, on loopback.</summary>
    public static string LocalAddress(string? urls)
    {
        var first =
            (urls ?? "http://localhost:8080")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? "http://localhost:8080";
        var uri = new Uri(
            first.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0").Replace("://[::]", "://0.0.0.0")
        );
        var host = uri.Host is "0.0.0.0" or "localhost" ? "127.0.0.1" : uri.Host;
        return $"http://{host}:{uri.Port}";
    }

    /// <summary>Applies the migrations with the app's own configuration and exits.</summary>
    public static async Task<int> MigrateAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Commands));
        await app.Services.MigrateDatabaseAsync();
        logger.LogWarning("Migrations applied; exiting");
        return 0;
    }
}
