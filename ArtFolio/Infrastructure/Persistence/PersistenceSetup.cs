using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArtFolio.Infrastructure.Persistence;

public static class PersistenceSetup
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton(options);
        services.AddDbContext<AppDbContext>(
            (provider, db) =>
            {
                _ = options.Provider switch
                {
                    DatabaseProvider.Sqlite => db.UseSqlite(options.ConnectionString),
                    DatabaseProvider.Postgres => db.UseNpgsql(options.ConnectionString),
                    _ => throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'."),
                };
                // The migrations are hand-written and there is no model snapshot to compare with;
                // MigrationSchemaTests compares the migrated schema with the model instead.
                db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
                // Interceptors registered in DI (the tests' SQL recorder, for one) join every context.
                db.AddInterceptors(provider.GetServices<IInterceptor>());
            }
        );
        return services;
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
