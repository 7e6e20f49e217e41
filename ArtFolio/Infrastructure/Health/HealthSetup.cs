namespace ArtFolio.Infrastructure.Health;

public static class HealthSetup
{
    /// <summary>The health check service and the cached status report; each part adds its own checks.</summary>
    public static IServiceCollection AddStatusReport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks();
        services.AddSingleton(configuration.GetSection(StatusOptions.Section).Get<StatusOptions>() ?? new());
        services.AddSingleton<StatusReport>();
        return services;
    }
}
