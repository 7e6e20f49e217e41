using System.Text.Json;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.ForgotPassword;

public sealed record ResetRequest(string Email);

/// <summary>
/// Does the forgotten-password work off the request path: finds the account by address and, unless the
/// address already had its hourly share, cancels its earlier reset links and queues a new one.
/// </summary>
public sealed class ResetRequestHandler(
    IServiceScopeFactory scopes,
    AccountEmails emails,
    AccountTokens tokens,
    AccountOptions options,
    ILogger<ResetRequestHandler> logger
) : IOutboxHandler
{
    public const string Topic = "password-reset-request";

    string IOutboxHandler.Topic => Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<ResetRequest>(message.Payload)!;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleOrDefaultAsync(
            u => u.NormalizedEmail == User.NormalizeEmail(request.Email),
            cancellationToken
        );
        if (user is null)
            return; // nobody to tell; the client was answered the same either way
        if (
            await tokens.SentInLastHourAsync(db, user.Id, OneTimeToken.ResetPassword, cancellationToken)
            >= options.EmailsPerHour
        )
        {
            logger.LogInformation("Reset email for account {UserId} not sent: its hourly limit is reached", user.Id);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await tokens.CancelAllAsync(db, user.Id, OneTimeToken.ResetPassword, cancellationToken);
        emails.SendPasswordReset(db, user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
