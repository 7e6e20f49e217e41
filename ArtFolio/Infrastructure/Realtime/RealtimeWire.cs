using System.Text;
using System.Text.Json;

namespace ArtFolio.Infrastructure.Realtime;

/// <summary>Real-time messages as they travel between instances: JSON arrays of {r, m} pairs.</summary>
public static class RealtimeWire
{
    /// <summary>JSON arrays of {r, m} pairs, each array under the payload limit.</summary>
    public static List<string> Pack(IReadOnlyList<RealtimeMessage> messages, int maxPayloadBytes)
    {
        var payloads = new List<string>();
        var current = new List<Packed>();
        var size = 2;
        foreach (var message in messages)
        {
            var packed = new Packed(message.RecipientId, message.Json);
            var length = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(packed)) + 1;
            if (length + 2 > maxPayloadBytes)
                continue; // a single message this large is not ours to send; the list endpoint still has it
            if (size + length > maxPayloadBytes)
            {
                payloads.Add(JsonSerializer.Serialize(current));
                (current, size) = ([], 2);
            }
            current.Add(packed);
            size += length;
        }
        if (current.Count > 0)
            payloads.Add(JsonSerializer.Serialize(current));
        return payloads;
    }

    /// <summary>Hands a payload from another instance to the sockets open here; a malformed one is logged and dropped.</summary>
    public static void Deliver(string payload, ConnectionRegistry registry, ILogger logger)
    {
        try
        {
            foreach (var message in JsonSerializer.Deserialize<Packed[]>(payload) ?? [])
                registry.Deliver(new RealtimeMessage(message.R, message.M));
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignored a malformed real-time payload");
        }
    }

    private sealed record Packed(Guid R, string M);
}
