namespace ArtFolio.Infrastructure.Email;

/// <summary>
/// Mail goes through the outbox under this topic: queued in the transaction of the change that needs
/// it, sent in the background by the topic's handler, retried with backoff when the server refuses, and
/// kept (and reported in /status) when it keeps failing. A request never waits for, or fails because
/// of, a mail server. What is queued says whom and why; the message itself, and any secret link in
/// it, is made only when it is sent.
/// </summary>
public static class EmailOutbox
{
    public const string Topic = "email";
}
