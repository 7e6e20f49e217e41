using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Health;

public static class HealthSetup
{
    /// <summary>The health check service and the cached status report; each part adds its own checks.</summary>
    public static IServiceCollection AddStatusReport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks();
        services.AddSettings<StatusOptions>(configuration, StatusOptions.Section);
        services.AddSingleton<StatusReport>();
        return services;
    }
}
