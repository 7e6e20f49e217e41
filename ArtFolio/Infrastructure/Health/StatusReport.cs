using ArtFolio.Infrastructure.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtFolio.Infrastructure.Health;

public sealed class StatusOptions : ICheckedSettings
{
    public const string Section = "Status";

    /// <summary>How long one run of the status checks answers every caller: at most one probe of each outside service per period.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Problems()
    {
        if (CacheDuration < TimeSpan.Zero)
            yield return "CacheDuration: cannot be negative";
    }
}

/// <summary>
/// The status checks: ASP.NET Core health checks tagged <see cref="Tag"/>, each registered by the part it
/// watches. A check of an optional service that is not configured answers <see cref="Disabled"/>.
/// </summary>
public static class StatusChecks
{
    public const string Tag = "status";
    private const string DisabledKey = "disabled";

    /// <summary>How long one check may take before it counts as failed: a hung service must not hang /status.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IHealthChecksBuilder AddStatusCheck<T>(this IServiceCollection services, string name)
        where T : class, IHealthCheck => services.AddHealthChecks().AddCheck<T>(name, tags: [Tag], timeout: Timeout);

    /// <summary>Healthy, but marked as a service this deployment does not use.</summary>
    public static HealthCheckResult Disabled(string detail) =>
        HealthCheckResult.Healthy(detail, new Dictionary<string, object> { [DisabledKey] = true });

    public static bool IsDisabled(this HealthReportEntry entry) => entry.Data.ContainsKey(DisabledKey);
}

/// <summary>
/// Runs the status checks at most once per <see cref="StatusOptions.CacheDuration"/>, however many callers
/// ask: callers within the period get the last report, and callers who arrive while a run is under way
/// wait for that run rather than starting another. So /status never spends an outside service's quota
/// faster than one probe per period.
/// </summary>
public sealed class StatusReport(HealthCheckService checks, StatusOptions options, TimeProvider clock)
{
    private readonly Lock gate = new();
    private Task<HealthReport>? current;
    private DateTimeOffset freshUntil;

    public Task<HealthReport> GetAsync()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (current is null || (current.IsCompleted && now >= freshUntil))
            {
                current = RunAsync();
                freshUntil = DateTimeOffset.MaxValue; // until this run completes
            }
            return current;
        }
    }

    private async Task<HealthReport> RunAsync()
    {
        try
        {
            // Not the caller's token: one caller hanging up must not cancel the run the others wait for.
            return await checks.CheckHealthAsync(check => check.Tags.Contains(StatusChecks.Tag));
        }
        finally
        {
            lock (gate)
                freshUntil = clock.GetUtcNow() + options.CacheDuration;
        }
    }
}
