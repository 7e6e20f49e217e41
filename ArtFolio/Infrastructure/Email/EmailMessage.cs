namespace ArtFolio.Infrastructure.Email;

/// <summary>One email: to one address, with a plain-text body and the same in HTML.</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html);

public interface IEmailSender
{
    /// <summary>Sends, or throws: the outbox tries again later.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);

    /// <summary>For /status: where mail goes (no host names or credentials).</summary>
    string Describe();
}
