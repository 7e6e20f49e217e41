using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Outbox;

/// <summary>
/// The outbox as gauges: messages waiting and the age of the oldest, read from the database when metrics
/// are collected (at most every 5 s, whoever asks). Every instance reports the same shared outbox: take
/// the maximum across instances, not the sum. A backlog that grows, or an oldest message older than a
/// minute, means dispatching is stuck or failing.
/// </summary>
public sealed class OutboxGauges : IHostedService
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private (long Count, double OldestSeconds) last;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public OutboxGauges(AppMetrics metrics, IServiceScopeFactory scopes, TimeProvider clock)
    {
        this.scopes = scopes;
        this.clock = clock;
        metrics.Meter.CreateObservableGauge(
            "artfolio.outbox.backlog",
            () => Read().Count,
            "{message}",
            "Outbox messages not yet dispatched (notifications, emails, refunds)."
        );
        metrics.Meter.CreateObservableGauge(
            "artfolio.outbox.oldest_age",
            () => Read().OldestSeconds,
            "s",
            "How long the oldest undispatched outbox message has waited (0 when none)."
        );
    }

    private (long Count, double OldestSeconds) Read()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now - readAt < Fresh)
                return last;
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var waiting = db.Outbox.AsNoTracking().Where(m => m.DispatchedAt == null);
                var count = waiting.LongCount();
                var oldest = waiting.Min(m => (DateTime?)m.CreatedAt);
                last = (count, oldest is null ? 0 : Math.Max(0, (now.UtcDateTime - oldest.Value).TotalSeconds));
            }
            catch (Exception) when (!Environment.HasShutdownStarted)
            {
                // The database is unreachable: keep the last reading; /status reports the database itself.
            }
            readAt = now;
            return last;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
