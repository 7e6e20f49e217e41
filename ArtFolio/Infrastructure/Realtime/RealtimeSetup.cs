using ArtFolio.Infrastructure.Persistence;
using Npgsql;

namespace ArtFolio.Infrastructure.Realtime;

public static class RealtimeSetup
{
    /// <summary>The bus follows the database: LISTEN/NOTIFY on PostgreSQL (several instances), in process on SQLite.</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        services.AddSingleton<ConnectionRegistry>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(database.ConnectionString));
            services.AddSingleton<PostgresBus>();
            services.AddSingleton<IRealtimeBus>(sp => sp.GetRequiredService<PostgresBus>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresBus>());
        }
        else
            services.AddSingleton<IRealtimeBus, InProcessBus>();
        return services;
    }
}
