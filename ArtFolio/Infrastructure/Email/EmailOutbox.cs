using System.Text.Json;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Infrastructure.Email;

/// <summary>
/// Mail goes through the outbox: queued in the transaction of the change that needs it, sent in the
/// background, retried with backoff when the server refuses, and kept (and reported in /status) when
/// it keeps failing. A request never waits for, or fails because of, a mail server.
/// </summary>
public sealed class EmailOutbox(TimeProvider clock)
{
    public const string Topic = "email";

    /// <summary>Queues <paramref name="message"/>; it is sent once <paramref name="db"/> saves.</summary>
    public void Send(AppDbContext db, EmailMessage message) =>
        db.Outbox.Add(OutboxMessage.For(Topic, message, clock.GetUtcNow().UtcDateTime));
}

public sealed class EmailHandler(IEmailSender sender) : IOutboxHandler
{
    public string Topic => EmailOutbox.Topic;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        sender.SendAsync(
            JsonSerializer.Deserialize<EmailMessage>(message.Payload)
                ?? throw new InvalidOperationException("An empty email message."),
            cancellationToken
        );
}
