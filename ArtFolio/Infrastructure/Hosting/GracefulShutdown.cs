using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtFolio.Infrastructure.Hosting;

public sealed class ShutdownOptions : ICheckedSettings
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long, after SIGTERM, the instance keeps answering while it tells the load balancer it is going:
    /// readiness answers 503, every answer closes its connection (no idle keep-alive connection is left to
    /// race the listener's close), new notification sockets are refused. 0 (the default) skips it; behind
    /// nginx or any balancer set a few seconds (the compose file and the cluster test use 5 s).
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>After the drain, how long requests in flight may take to finish before the process exits anyway.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);

    public IEnumerable<string> Problems()
    {
        if (DrainDelay < TimeSpan.Zero || DrainDelay > TimeSpan.FromMinutes(5))
            yield return "DrainDelay: from 00:00:00 to 00:05:00";
        if (Timeout <= TimeSpan.Zero)
            yield return "Timeout: must be positive";
    }
}

/// <summary>
/// What SIGTERM does, in order: (1) drain for <see cref="ShutdownOptions.DrainDelay"/>: still answering,
/// but not ready, closing each connection after its answer and refusing new sockets; (2) close the open
/// notification sockets with 1001 (going away) so their clients reconnect to another instance, waiting
/// (at most <see cref="SocketCloseWait"/>) for their close handshakes; (3) only
/// then does Kestrel stop listening, finish the requests in flight within <see cref="ShutdownOptions.Timeout"/>,
/// and the background services stop (the outbox hands back the messages it claimed but did not handle).
/// Runs as a lifecycle service: its <see cref="StoppingAsync"/> comes before any hosted service stops,
/// the web server included.
/// </summary>
public sealed class GracefulShutdown(ShutdownOptions options, ILogger<GracefulShutdown> logger)
    : IHostedLifecycleService,
        IHealthCheck
{
    /// <summary>How long closing sockets may take to finish their close handshakes before the server stops.</summary>
    public static readonly TimeSpan SocketCloseWait = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource socketsClosing = new();
    private volatile bool draining;
    private int openSockets;

    /// <summary>True from SIGTERM on.</summary>
    public bool IsDraining => draining;

    /// <summary>Fires when open sockets should close (the drain is over).</summary>
    public CancellationToken SocketsClosing => socketsClosing.Token;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        draining = true;
        logger.LogInformation(
            "Stopping: draining for {DrainDelay}, then closing sockets and finishing requests in flight (at most {Timeout})",
            options.DrainDelay,
            options.Timeout
        );
        try
        {
            await Task.Delay(options.DrainDelay, cancellationToken);
        }
        catch (OperationCanceledException) { }
        await socketsClosing.CancelAsync();
        // Kestrel drops upgraded connections when it stops: wait for the close handshakes (1001) first.
        var deadline = DateTime.UtcNow + SocketCloseWait;
        while (
            Volatile.Read(ref openSockets) > 0
            && DateTime.UtcNow < deadline
            && !cancellationToken.IsCancellationRequested
        )
            await Task.Delay(20, CancellationToken.None);
    }

    /// <summary>Counts a socket as open until disposed, so that stopping waits for its close.</summary>
    public IDisposable SocketOpened()
    {
        Interlocked.Increment(ref openSockets);
        return new OpenSocket(this);
    }

    private sealed class OpenSocket(GracefulShutdown shutdown) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                Interlocked.Decrement(ref shutdown.openSockets);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    ) =>
        Task.FromResult(
            draining ? HealthCheckResult.Unhealthy("shutting down") : HealthCheckResult.Healthy("taking requests")
        );

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class GracefulShutdownSetup
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<ShutdownOptions>(configuration, ShutdownOptions.Section);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.DrainDelay + options.Timeout);
        services.AddSingleton<GracefulShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<GracefulShutdown>());
        services.AddHealthChecks().AddCheck<GracefulShutdown>("shutdown", tags: ["ready"]);
        return services;
    }

    /// <summary>While draining, every answer closes its connection: the balancer opens its next one elsewhere once the listener is gone.</summary>
    public static IApplicationBuilder UseGracefulShutdown(this IApplicationBuilder app)
    {
        var shutdown = app.ApplicationServices.GetRequiredService<GracefulShutdown>();
        return app.Use(
            (http, next) =>
            {
                if (shutdown.IsDraining && http.Request.Protocol == "HTTP/1.1")
                    http.Response.Headers.Connection = "close";
                return next(http);
            }
        );
    }
}
