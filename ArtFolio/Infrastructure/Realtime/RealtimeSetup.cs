using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Redis;
using Npgsql;

namespace ArtFolio.Infrastructure.Realtime;

public static class RealtimeSetup
{
    /// <summary>
    /// One bus per deployment: Redis pub/sub when Redis is configured, otherwise PostgreSQL
    /// LISTEN/NOTIFY on PostgreSQL, otherwise in process (one instance on SQLite).
    /// </summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        var redis = RedisOptions.From(configuration);
        services.AddSingleton<ConnectionRegistry>();
        if (redis.IsConfigured)
        {
            services.AddSingleton<RedisBus>();
            services.AddSingleton<IRealtimeBus>(sp => sp.GetRequiredService<RedisBus>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisBus>());
        }
        else if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(database.EffectiveConnectionString));
            services.AddSingleton<PostgresBus>();
            services.AddSingleton<IRealtimeBus>(sp => sp.GetRequiredService<PostgresBus>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresBus>());
        }
        else
            services.AddSingleton<IRealtimeBus, InProcessBus>();
        return services;
    }
}
