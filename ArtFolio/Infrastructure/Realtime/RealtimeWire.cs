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

    /// <summary>The messages of one payload; a <see cref="JsonException"/> if it is not one.</summary>
    public static IEnumerable<RealtimeMessage> Unpack(string payload) =>
        (JsonSerializer.Deserialize<Packed[]>(payload) ?? []).Select(p => new RealtimeMessage(p.R, p.M));

    private sealed record Packed(Guid R, string M);
}
