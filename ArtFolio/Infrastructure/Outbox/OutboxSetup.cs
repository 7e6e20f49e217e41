using ArtFolio.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArtFolio.Infrastructure.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxCommitInterceptor>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        // Made at start so that its gauges exist before the first collection.
        services.AddHostedService<OutboxGauges>();
        return services;
    }
}
