using ArtFolio.Infrastructure.Persistence;
using Npgsql;

namespace ArtFolio.Infrastructure.Realtime;

public static class RealtimeSetup
{
    public static IServiceCollection AddRealtime(this IServiceCollection services, DatabaseOptions database)
    {
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
