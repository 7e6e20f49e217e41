using ArtFolio.Infrastructure.Hosting;
using MailKit.Security;

namespace ArtFolio.Infrastructure.Email;

public sealed class EmailOptions : ICheckedSettings
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. <c>ArtFolio &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "ArtFolio <no-reply@artfolio.local>";

    /// <summary>Where messages go as .eml files when no SMTP host is set (relative to the working directory).</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        /// <summary>No host: messages are written to the pickup directory instead of sent.</summary>
        public string? Host { get; set; }
        public int Port { get; set; } = 587;

        /// <summary>MailKit's modes: <c>StartTls</c> (default), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c>, <c>None</c>, <c>Auto</c>.</summary>
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

        public string? User { get; set; }
        public string? Password { get; set; }

        /// <summary>How long one connection, sending and all, may take.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    }

    public IEnumerable<string> Problems()
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out var sender) || !sender.Address.Contains('@'))
            yield return $"From: '{From}' is not a mailbox such as ArtFolio <no-reply@example.com>";
        if (Smtp.Port is < 1 or > 65535)
            yield return "Smtp:Port: must be from 1 to 65535";
        if (Smtp.Timeout <= TimeSpan.Zero)
            yield return "Smtp:Timeout: must be positive";
    }
}
