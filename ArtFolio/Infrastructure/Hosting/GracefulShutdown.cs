using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtFolio.Infrastructure.Hosting;

public sealed class ShutdownOptions : ICheckedSettings
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long, after SIGTERM, the instance keeps answering as usual while it tells readiness-aware
    /// balancers it is going (readiness 503, new notification sockets refused) before it stops accepting
    /// connections and closes those it has. 0 (the default) skips draining; behind nginx or any balancer
    /// set a few seconds (the compose file and the cluster test use 5 s).
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
/// What SIGTERM does, in order:
/// (1) drain for <see cref="ShutdownOptions.DrainDelay"/>: answering as usual, but not ready and refusing
/// new notification sockets;
/// (2) stop accepting connections (<see cref="DrainableListeners"/>): the balancer's next connection is
/// refused, which it retries elsewhere (safe even for a POST) and marks this instance down;
/// (3) close the notification sockets with 1001 (going away) so their clients reconnect elsewhere, waiting
/// at most <see cref="SocketCloseWait"/> for their close handshakes;
/// (4) close the other connections as they finish: every answer now says <c>Connection: close</c>, and the
/// balancer drops its idle ones (nginx's upstream <c>keepalive_timeout</c>); wait at most
/// <see cref="ConnectionCloseWait"/> for none to be left;
/// (5) only then does Kestrel stop, finishing what is still in flight within <see cref="ShutdownOptions.Timeout"/>,
/// and the background services stop (the outbox hands back the messages it claimed but did not handle).
/// Why this order: Kestrel, stopping, closes its listener and every connection waiting for a request at
/// once, so a request just sent on a fresh or idle connection was dropped unread (a 502 nginx cannot retry
/// for a POST). Runs as a lifecycle service: <see cref="StoppingAsync"/> comes before any hosted service
/// stops, the web server included.
/// </summary>
public sealed class GracefulShutdown(
    ShutdownOptions options,
    IServiceProvider services,
    ILogger<GracefulShutdown> logger
) : IHostedLifecycleService, IHealthCheck
{
    /// <summary>How long closing sockets may take to finish their close handshakes.</summary>
    public static readonly TimeSpan SocketCloseWait = TimeSpan.FromSeconds(3);

    /// <summary>How long the open connections may take to be closed, by us after an answer or by the balancer when idle.</summary>
    public static readonly TimeSpan ConnectionCloseWait = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource socketsClosing = new();
    private volatile bool draining;
    private volatile bool closingConnections;
    private int openSockets;
    private int openConnections;

    /// <summary>True from SIGTERM on.</summary>
    public bool IsDraining => draining;

    /// <summary>True once the instance no longer accepts connections: every answer closes its connection.</summary>
    public bool IsClosingConnections => closingConnections;

    /// <summary>Fires when open sockets should close (the drain is over).</summary>
    public CancellationToken SocketsClosing => socketsClosing.Token;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        draining = true;
        logger.LogInformation(
            "Stopping: draining for {DrainDelay}, then closing sockets and connections, and finishing requests in flight (at most {Timeout})",
            options.DrainDelay,
            options.Timeout
        );
        await DelayAsync(options.DrainDelay, cancellationToken);
        var listeners = options.DrainDelay > TimeSpan.Zero ? services.GetService<DrainableListeners>() : null;
        if (listeners is not null)
        {
            await listeners.StopAcceptingAsync();
            logger.LogInformation("Stopping: no longer accepting connections");
        }

        await socketsClosing.CancelAsync();
        await WaitForAsync(() => Volatile.Read(ref openSockets) == 0, SocketCloseWait, cancellationToken);

        if (listeners is not null)
        {
            closingConnections = true;
            await WaitForAsync(() => Volatile.Read(ref openConnections) == 0, ConnectionCloseWait, cancellationToken);
            logger.LogInformation(
                "Stopping: {Count} connection(s) still open; the server stops now",
                Volatile.Read(ref openConnections)
            );
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException) { }
    }

    private static async Task WaitForAsync(Func<bool> done, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + atMost;
        while (!done() && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
    }

    /// <summary>Counts a socket as open until disposed, so that stopping waits for its close.</summary>
    public IDisposable SocketOpened() => new Counted(() => Interlocked.Decrement(ref openSockets), ref openSockets);

    /// <summary>Counts a transport connection as open until disposed.</summary>
    public IDisposable ConnectionOpened() =>
        new Counted(() => Interlocked.Decrement(ref openConnections), ref openConnections);

    private sealed class Counted : IDisposable
    {
        private readonly Action release;
        private int disposed;

        public Counted(Action release, ref int counter)
        {
            this.release = release;
            Interlocked.Increment(ref counter);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                release();
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
        services.Configure<HostOptions>(host =>
            host.ShutdownTimeout =
                options.DrainDelay
                + GracefulShutdown.SocketCloseWait
                + GracefulShutdown.ConnectionCloseWait
                + options.Timeout
        );
        services.AddSingleton<GracefulShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<GracefulShutdown>());
        services.AddHealthChecks().AddCheck<GracefulShutdown>("shutdown", tags: ["ready"]);
        // Every Kestrel connection is counted while open, for step (4).
        services
            .AddOptions<KestrelServerOptions>()
            .Configure<GracefulShutdown>(
                (kestrel, shutdown) =>
                    kestrel.ConfigureEndpointDefaults(listen =>
                        listen.Use(next =>
                            async connection =>
                            {
                                using (shutdown.ConnectionOpened())
                                    await next(connection);
                            }
                        )
                    )
            );
        DrainableListeners.Register(services);
        return services;
    }

    /// <summary>
    /// Once the instance no longer accepts connections, every answer closes its connection (decided as the
    /// answer starts, so requests already running are included): the balancer's next request needs a new
    /// connection, is refused, and goes to another instance.
    /// </summary>
    public static IApplicationBuilder UseGracefulShutdown(this IApplicationBuilder app)
    {
        var shutdown = app.ApplicationServices.GetRequiredService<GracefulShutdown>();
        return app.Use(
            (http, next) =>
            {
                if (http.Request.Protocol == "HTTP/1.1")
                    http.Response.OnStarting(() =>
                    {
                        if (shutdown.IsClosingConnections)
                            http.Response.Headers.Connection = "close";
                        return Task.CompletedTask;
                    });
                return next(http);
            }
        );
    }
}
