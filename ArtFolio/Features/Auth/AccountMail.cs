using System.Net;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Email;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth;

/// <summary>
/// Sends an account email when the outbox dispatches it: a link's token is minted here, its hash stored,
/// and its value exists only in the message handed to the mail server. A retry of the same outbox
/// message mints a new value for the same token row, so the value of a failed attempt never works.
/// </summary>
public sealed class AccountMail(
    IEmailSender sender,
    AccountTokens tokens,
    AccountOptions accounts,
    AppOptions app,
    ILogger<AccountMail> logger
)
{
    /// <summary>Sends <paramref name="email"/> for the outbox message <paramref name="messageId"/>, or nothing if it no longer applies.</summary>
    public async Task SendAsync(
        AppDbContext db,
        User user,
        AccountEmail email,
        Guid messageId,
        CancellationToken cancellationToken
    )
    {
        var message = email.Purpose switch
        {
            OneTimeToken.VerifyEmail => await VerificationAsync(db, user, email, messageId, cancellationToken),
            OneTimeToken.ResetPassword => await ResetAsync(db, user, email, messageId, cancellationToken),
            AccountEmail.EmailChanged => EmailChanged(user, email.Address),
            _ => throw new InvalidOperationException($"Unknown account email purpose '{email.Purpose}'."),
        };
        if (message is null)
            logger.LogInformation(
                "{Purpose} email for account {UserId} not sent: no longer applies, superseded, or over the hourly limit",
                email.Purpose,
                user.Id
            );
        else
            await sender.SendAsync(message, cancellationToken);
    }

    private async Task<EmailMessage?> VerificationAsync(
        AppDbContext db,
        User user,
        AccountEmail email,
        Guid messageId,
        CancellationToken cancellationToken
    )
    {
        // Verified since, or the address changed again: this link would prove nothing.
        if (user.EmailVerifiedAt is not null || user.Email != email.Address)
            return null;
        var token = await tokens.MintAsync(db, user, email, messageId, cancellationToken);
        return token is null
            ? null
            : Compose(
                email.Address,
                "Confirm your email address for ArtFolio",
                $"Hello {Name(user)},",
                "confirm that this is your address by opening this link:",
                Link("verify-email", token),
                $"It works once, for {Hours(accounts.VerificationTokenLifetime)}. If you did not sign up for ArtFolio, ignore this message."
            );
    }

    private async Task<EmailMessage?> ResetAsync(
        AppDbContext db,
        User user,
        AccountEmail email,
        Guid messageId,
        CancellationToken cancellationToken
    )
    {
        var token = await tokens.MintAsync(db, user, email, messageId, cancellationToken);
        return token is null
            ? null
            : Compose(
                email.Address,
                "Reset your ArtFolio password",
                $"Hello {Name(user)},",
                "someone (we hope you) asked to reset the password of your ArtFolio account. Choose a new one here:",
                Link("reset-password", token),
                $"It works once, for {Hours(accounts.ResetTokenLifetime)}, and signs you out everywhere. If it was not you, ignore this message: your password stays as it is."
            );
    }

    private EmailMessage EmailChanged(User user, string oldEmail) =>
        Compose(
            oldEmail,
            "Your ArtFolio email address was changed",
            $"Hello {Name(user)},",
            $"the email address of your ArtFolio account @{user.Username} was changed to {user.Email}. If that was you, there is nothing to do. If not, reset your password here:",
            Link("forgot-password", null),
            "and write to us."
        );

    private string Link(string page, string? token) =>
        $"{app.PublicBaseUrl.TrimEnd('/')}/{page}{(token is null ? "" : $"?token={token}")}";

    private static string Name(User user) => user.DisplayName ?? user.Username;

    private static string Hours(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1
            ? $"{lifetime.TotalHours:0.#} hours".Replace("1 hours", "1 hour")
            : $"{lifetime.TotalMinutes:0} minutes";

    private static EmailMessage Compose(
        string to,
        string subject,
        string greeting,
        string intro,
        string link,
        string outro
    ) =>
        new(
            to,
            subject,
            $"{greeting}\n\n{intro}\n\n{link}\n\n{outro}\n",
            $"<p>{WebUtility.HtmlEncode(greeting)}</p><p>{WebUtility.HtmlEncode(intro)}</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"
                + $"<p>{WebUtility.HtmlEncode(outro)}</p>"
        );
}

/// <summary>Sends the account emails the outbox holds (verification, email changed).</summary>
public sealed class AccountEmailHandler(IServiceScopeFactory scopes, AccountMail mail) : OutboxHandler<AccountEmail>
{
    public override string Topic => EmailOutbox.Topic;

    protected override async Task HandleAsync(Guid messageId, AccountEmail email, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == email.UserId, cancellationToken);
        if (user is not null) // a deleted account is told nothing
            await mail.SendAsync(db, user, email, messageId, cancellationToken);
    }
}
