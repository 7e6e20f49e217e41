using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Persistence;

public sealed class HousekeepingOptions : ICheckedSettings
{
    public const string Section = "Housekeeping";

    /// <summary>How often the purge runs (and once shortly after start-up).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long ended sessions and dispatched outbox messages are kept, for looking into what happened.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<string> Problems()
    {
        if (Interval <= TimeSpan.Zero)
            yield return "Interval: must be positive";
        if (KeepFor < TimeSpan.Zero)
            yield return "KeepFor: cannot be negative";
    }
}

/// <summary>
/// Deletes what can no longer be used: expired refresh tokens, sessions that ended (or whose every
/// refresh token expired) more than <see cref="HousekeepingOptions.KeepFor"/> ago, outbox messages
/// dispatched longer ago than that, and email tokens used or expired longer ago than that (kept that
/// long, they also count towards the hourly email limits), and Stripe event ids older than
/// <see cref="PaymentEventRetention"/> (Stripe retries an event for three days, each delivery freshly signed;
/// an older id can no longer arrive). Undispatched outbox messages are never deleted. Each statement is
/// idempotent, so several instances may run it.
/// </summary>
public sealed class Housekeeping(
    IServiceScopeFactory scopes,
    HousekeepingOptions options,
    JwtOptions jwt,
    TimeProvider clock,
    ILogger<Housekeeping> logger
) : BackgroundService
{
    /// <summary>How long a Stripe event id is remembered: ten times Stripe's three days of retries.</summary>
    public static readonly TimeSpan PaymentEventRetention = TimeSpan.FromDays(30);

    public sealed record Purged(
        int RefreshTokens,
        int Sessions,
        int OutboxMessages,
        int OneTimeTokens,
        int PaymentEvents
    );

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var purged = await PurgeAsync(stoppingToken);
                    logger.LogInformation("Housekeeping purged {Purged}", purged);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Housekeeping failed; it runs again in {Interval}", options.Interval);
                }
                await Task.Delay(options.Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public async Task<Purged> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - options.KeepFor;
        // A session's access tokens die with its last refresh token, at most an access-token lifetime later.
        var abandonedBefore = now - jwt.AccessTokenLifetime;

        var tokens = await db.RefreshTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db
            .Sessions.Where(s =>
                (s.RevokedAt != null && s.RevokedAt < before)
                || (s.CreatedAt < abandonedBefore && !s.RefreshTokens.Any())
            )
            .ExecuteDeleteAsync(cancellationToken);
        var outbox = await db
            .Outbox.Where(m => m.DispatchedAt != null && m.DispatchedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
        var oneTime = await db
            .OneTimeTokens.Where(t => t.ExpiresAt < before || (t.ConsumedAt != null && t.ConsumedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        var paymentEvents = await db
            .PaymentEvents.Where(e => e.ReceivedAt < now - PaymentEventRetention)
            .ExecuteDeleteAsync(cancellationToken);
        return new Purged(tokens, sessions, outbox, oneTime, paymentEvents);
    }
}
