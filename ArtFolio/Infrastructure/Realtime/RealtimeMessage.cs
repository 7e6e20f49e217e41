namespace ArtFolio.Infrastructure.Realtime;

/// <summary>One JSON text message for one user's open sockets.</summary>
public sealed record RealtimeMessage(Guid RecipientId, string Json);

/// <summary>
/// Carries messages to whichever instance holds the recipient's socket: in process for a single
/// instance (SQLite), through PostgreSQL LISTEN/NOTIFY between several.
/// </summary>
public interface IRealtimeBus
{
    Task PublishAsync(IReadOnlyList<RealtimeMessage> messages, CancellationToken cancellationToken);
}
