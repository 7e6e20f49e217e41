using ArtFolio.Infrastructure.Health;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ArtFolio.Infrastructure.Persistence;

public static class PersistenceSetup
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<DatabaseOptions>(configuration, DatabaseOptions.Section);
        _ = options.Provider switch
        {
            // Pooled: a request rents a context instead of building one (and its services) each time.
            DatabaseProvider.Sqlite => services
                .AddDbContextPool<SqliteAppDbContext>(
                    (provider, db) => Configure(db.UseSqlite(options.ConnectionString), provider)
                )
                .AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>())
                .AddSingleton<IArtworkSearch, SqliteArtworkSearch>(),
            DatabaseProvider.Postgres => services
                .AddDbContextPool<PostgresAppDbContext>(
                    (provider, db) =>
                        Configure(db.UseNpgsql(WithAutoPrepare(options.EffectiveConnectionString)), provider)
                )
                .AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>())
                .AddSingleton<IArtworkSearch, PostgresArtworkSearch>(),
            _ => throw new InvalidOperationException(
                $"Database:Provider: '{options.Provider}' is not Sqlite or Postgres."
            ),
        };
        services.AddSettings<HousekeepingOptions>(configuration, HousekeepingOptions.Section);
        services.AddSingleton<Housekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());
        services
            .AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(
                "database",
                tags: ["ready", StatusChecks.Tag],
                timeout: StatusChecks.Timeout
            );
        return services;
    }

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string sets it: a statement a connection
    /// has run twice is prepared there, so the hot reads skip PostgreSQL's parsing and planning.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        // "Max Auto Prepare" or "MaxAutoPrepare": whoever sets it, even to 0, keeps their setting.
        if (connectionString.Replace(" ", "").Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    // Interceptors registered in DI (the tests' SQL recorder, for one) join every context.
    private static void Configure(DbContextOptionsBuilder db, IServiceProvider provider) =>
        db.AddInterceptors(provider.GetServices<IInterceptor>());

    /// <summary>Migrates at start unless <see cref="DatabaseOptions.MigrateOnStart"/> is off (a migration step runs instead).</summary>
    public static async Task MigrateDatabaseOnStartAsync(this IServiceProvider services)
    {
        if (services.GetRequiredService<DatabaseOptions>().MigrateOnStart)
            await services.MigrateDatabaseAsync();
    }

    /// <summary>Creates the SQLite file's folder, applies pending migrations, and turns on WAL for SQLite.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:")
                Directory.CreateDirectory(folder);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (options.Provider == DatabaseProvider.Sqlite)
            // WAL lets readers run beside the one writer SQLite allows; Microsoft.Data.Sqlite already
            // retries a busy database for the command timeout instead of failing at once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
