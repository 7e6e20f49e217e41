using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtFolio.Infrastructure.Email;

/// <summary>
/// Mail is sent in the background and kept when it fails: messages that failed three times or more and
/// are still waiting degrade the status (they are retried, and none is dropped).
/// </summary>
public sealed class EmailHealthCheck(AppDbContext db, IEmailSender sender) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            var failing = await db
                .Outbox.Where(m => m.Topic == EmailOutbox.Topic && m.DispatchedAt == null && m.Attempts >= 3)
                .CountAsync(cancellationToken);
            return failing == 0
                ? HealthCheckResult.Healthy(sender.Describe())
                : HealthCheckResult.Degraded($"{sender.Describe()}; {failing} message(s) failing, kept and retried");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("unknown: the database is unreachable");
        }
    }
}
