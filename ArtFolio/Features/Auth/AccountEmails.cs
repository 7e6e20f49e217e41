using System.Net;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Email;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Auth;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The front end's address: links in emails lead there, and it calls the API with the token.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5173";
}

/// <summary>The emails of the account lifecycle, queued through the outbox with the change that needs them.</summary>
public sealed class AccountEmails(EmailOutbox outbox, AccountTokens tokens, AccountOptions accounts, AppOptions app)
{
    /// <summary>A verification link for the user's current address (sent once <paramref name="db"/> saves).</summary>
    public void SendVerification(AppDbContext db, User user)
    {
        var link = Link("verify-email", tokens.Issue(db, user, OneTimeToken.VerifyEmail));
        outbox.Send(
            db,
            Compose(
                user.Email,
                "Confirm your email address for ArtFolio",
                $"Hello {Name(user)},",
                "confirm that this is your address by opening this link:",
                link,
                $"It works once, for {Hours(accounts.VerificationTokenLifetime)}. If you did not sign up for ArtFolio, ignore this message."
            )
        );
    }

    /// <summary>A password reset link (sent once <paramref name="db"/> saves).</summary>
    public void SendPasswordReset(AppDbContext db, User user)
    {
        var link = Link("reset-password", tokens.Issue(db, user, OneTimeToken.ResetPassword));
        outbox.Send(
            db,
            Compose(
                user.Email,
                "Reset your ArtFolio password",
                $"Hello {Name(user)},",
                "someone (we hope you) asked to reset the password of your ArtFolio account. Choose a new one here:",
                link,
                $"It works once, for {Hours(accounts.ResetTokenLifetime)}, and signs you out everywhere. If it was not you, ignore this message: your password stays as it is."
            )
        );
    }

    /// <summary>Tells the old address that the account now uses another one.</summary>
    public void SendEmailChanged(AppDbContext db, User user, string oldEmail) =>
        outbox.Send(
            db,
            Compose(
                oldEmail,
                "Your ArtFolio email address was changed",
                $"Hello {Name(user)},",
                $"the email address of your ArtFolio account @{user.Username} was changed to {user.Email}. If that was you, there is nothing to do. If not, reset your password here:",
                Link("forgot-password", null),
                "and write to us."
            )
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
