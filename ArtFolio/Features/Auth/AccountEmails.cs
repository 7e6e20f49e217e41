using ArtFolio.Domain;
using ArtFolio.Infrastructure.Email;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Auth;

public sealed class AppOptions : ICheckedSettings
{
    public const string Section = "App";

    /// <summary>The front end's address: links in emails lead there, and it calls the API with the token.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5173";

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return $"PublicBaseUrl: '{PublicBaseUrl}' is not an absolute http or https URL";
    }
}

/// <summary>
/// What the outbox keeps of an account email: whom it is for and why, never a link or a token (a backup
/// of the database must hold no working link). <see cref="AccountMail"/> makes the rest when it sends.
/// </summary>
/// <param name="UserId">The account.</param>
/// <param name="Purpose"><see cref="OneTimeToken.VerifyEmail"/>, <see cref="OneTimeToken.ResetPassword"/> or <see cref="EmailChanged"/>.</param>
/// <param name="Address">Where it goes: the address to verify, the reset's, or the old one an email change is told to.</param>
public sealed record AccountEmail(Guid UserId, string Purpose, string Address)
{
    public const string EmailChanged = "email-changed";
}

/// <summary>The emails of the account lifecycle, queued through the outbox with the change that needs them.</summary>
public sealed class AccountEmails(TimeProvider clock)
{
    /// <summary>A verification link for the user's current address (queued once <paramref name="db"/> saves).</summary>
    public void SendVerification(AppDbContext db, User user) =>
        Queue(db, new AccountEmail(user.Id, OneTimeToken.VerifyEmail, user.Email));

    /// <summary>Tells the old address that the account now uses another one.</summary>
    public void SendEmailChanged(AppDbContext db, User user, string oldEmail) =>
        Queue(db, new AccountEmail(user.Id, AccountEmail.EmailChanged, oldEmail));

    private void Queue(AppDbContext db, AccountEmail email) =>
        db.Outbox.Add(OutboxMessage.For(EmailOutbox.Topic, email, clock.GetUtcNow().UtcDateTime));
}
