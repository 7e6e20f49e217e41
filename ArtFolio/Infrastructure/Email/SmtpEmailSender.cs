using MailKit.Net.Smtp;
using MimeKit;

namespace ArtFolio.Infrastructure.Email;

/// <summary>Sends through an SMTP server with MailKit, one connection a message.</summary>
public sealed class SmtpEmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(MimeMessages.From(options, message), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public string Describe() => "smtp";
}

/// <summary>
/// Writes each message as an .eml file into <see cref="EmailOptions.PickupDirectory"/>, for a mail
/// system or an operator to pick up. In Development it also logs the message's links, so that a
/// developer running the API with no mail server can follow them; elsewhere a log is no place for a
/// working reset link, so it logs only where the file went.
/// </summary>
public sealed class PickupDirectoryEmailSender(
    EmailOptions options,
    IHostEnvironment environment,
    ILogger<PickupDirectoryEmailSender> logger
) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.PickupDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        // Written aside, then renamed: whoever watches the folder never reads half a message.
        await MimeMessages.From(options, message).WriteToAsync(path + ".part", cancellationToken);
        File.Move(path + ".part", path);
        if (environment.IsDevelopment())
            logger.LogInformation(
                "Mail to {To} ({Subject}) written to {Path}; its links: {Links}",
                message.To,
                message.Subject,
                path,
                string.Join(" ", MimeMessages.Links(message.Text))
            );
        else
            logger.LogWarning(
                "Mail ({Subject}) written to {Path}: no SMTP host is configured (Email:Smtp:Host), so it is not delivered",
                message.Subject,
                path
            );
    }

    public string Describe() => "pickup directory (no SMTP host configured)";
}

internal static partial class MimeMessages
{
    public static MimeMessage From(EmailOptions options, EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }

    public static IEnumerable<string> Links(string text) => Link().Matches(text).Select(m => m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+")]
    private static partial System.Text.RegularExpressions.Regex Link();
}
