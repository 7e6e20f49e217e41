using System.Text.Json;

namespace ArtFolio.Domain;

/// <summary>
/// Work to do after a change is committed (a notification to fan out, later an email to send), written
/// in the same transaction as the change, so that it happens if and only if the change did.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Which handler takes it, e.g. <c>notification</c>.</summary>
    public required string Topic { get; init; }

    /// <summary>The handler's own JSON.</summary>
    public required string Payload { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Not before this: pushed back after each failed attempt.</summary>
    public DateTime AvailableAt { get; set; }

    /// <summary>An instance that claimed it owns it until then; after, another may take it over.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Which claim holds it: the dispatcher that claimed it extends only its own claims.</summary>
    public Guid? ClaimToken { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? DispatchedAt { get; set; }

    /// <summary>A message for <paramref name="topic"/>, due at once, carrying <paramref name="payload"/> as JSON.</summary>
    public static OutboxMessage For<T>(string topic, T payload, DateTime now) =>
        new()
        {
            Topic = topic,
            Payload = JsonSerializer.Serialize(payload),
            CreatedAt = now,
            AvailableAt = now,
        };
}
