using System.Collections.Concurrent;

namespace ArtFolio.Infrastructure.Realtime;

/// <summary>The sockets open on this instance, by user: a user may have several (tabs, devices).</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<SocketConnection, byte>> byUser = new();

    public IDisposable Register(Guid userId, SocketConnection connection)
    {
        byUser.GetOrAdd(userId, _ => new()).TryAdd(connection, 0);
        return new Registration(this, userId, connection);
    }

    public void Deliver(RealtimeMessage message)
    {
        if (byUser.TryGetValue(message.RecipientId, out var connections))
            foreach (var connection in connections.Keys)
                connection.Enqueue(message.Json);
    }

    private sealed class Registration(ConnectionRegistry registry, Guid userId, SocketConnection connection)
        : IDisposable
    {
        public void Dispose()
        {
            if (!registry.byUser.TryGetValue(userId, out var connections))
                return;
            connections.TryRemove(connection, out _);
            if (connections.IsEmpty)
                registry.byUser.TryRemove(
                    new KeyValuePair<Guid, ConcurrentDictionary<SocketConnection, byte>>(userId, connections)
                );
        }
    }
}
