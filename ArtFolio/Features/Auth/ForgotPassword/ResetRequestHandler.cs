using System.Text.Json;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.ForgotPassword;

public sealed record ResetRequest(string Email);

/// <summary>
/// Does the forgotten-password work off the request path: finds the account by address and sends it a
/// reset link (<see cref="AccountMail"/>: unless the address already had its hourly share, earlier reset
/// links stop working and a new one is minted as the email goes out).
/// </summary>
public sealed class ResetRequestHandler(IServiceScopeFactory scopes, AccountMail mail) : OutboxHandler<ResetRequest>
{
    public const string Name = "password-reset-request";

    public override string Topic => Name;

    protected override async Task HandleAsync(Guid messageId, ResetRequest request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleOrDefaultAsync(
            u => u.NormalizedEmail == User.NormalizeEmail(request.Email),
            cancellationToken
        );
        if (user is null)
            return; // nobody to tell; the client was answered the same either way
        await mail.SendAsync(
            db,
            user,
            new AccountEmail(user.Id, OneTimeToken.ResetPassword, user.Email),
            messageId,
            cancellationToken
        );
    }
}
