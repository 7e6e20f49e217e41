using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace ArtFolio.Infrastructure.Realtime;

/// <summary>
/// One open WebSocket. Messages queue in a small outbox that one loop sends from (a WebSocket allows
/// one send at a time); a client too slow to keep up loses its oldest messages, never the server's memory.
/// </summary>
public sealed class SocketConnection(WebSocket socket)
{
    private const int OutboxSize = 256;

    private readonly Channel<string> outbox = Channel.CreateBounded<string>(
        new BoundedChannelOptions(OutboxSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }
    );

    public void Enqueue(string json) => outbox.Writer.TryWrite(json);

    /// <summary>Sends until the client closes, <paramref name="until"/> fires (token expiry, shutdown), or the socket fails.</summary>
    public async Task RunAsync(CancellationToken until)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(until);
        var receiving = ReceiveUntilClosedAsync(stop.Token);
        try
        {
            await foreach (var json in outbox.Reader.ReadAllAsync(stop.Token))
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        finally
        {
            await stop.CancelAsync();
            await receiving;
            await CloseAsync(until.IsCancellationRequested);
        }
    }

    /// <summary>The client sends nothing we need; reading is how a close from its side is noticed.</summary>
    private async Task ReceiveUntilClosedAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        outbox.Writer.TryComplete();
    }

    private async Task CloseAsync(bool expired)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseAsync(
                expired ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.NormalClosure,
                expired ? "access token expired; reconnect with a new one" : null,
                timeout.Token
            );
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }
}
