using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace ArtFolio.Infrastructure.Realtime;

/// <summary>Why the server closes a socket: the WebSocket close code and the reason the client reads.</summary>
public sealed record SocketClose(WebSocketCloseStatus Status, string Reason)
{
    /// <summary>1008: the client must act (a fresh token, a new login) before it reconnects.</summary>
    public static SocketClose Policy(string reason) => new(WebSocketCloseStatus.PolicyViolation, reason);

    /// <summary>1001: this instance is going away; reconnecting lands on another.</summary>
    public static readonly SocketClose GoingAway = new(
        WebSocketCloseStatus.EndpointUnavailable,
        "server restarting; reconnect"
    );
}

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

    /// <summary>
    /// Sends until the client closes, <paramref name="until"/> fires (token expiry, session ended,
    /// shutdown), or the socket fails; when <paramref name="until"/> fired, the close is <paramref name="why"/>.
    /// </summary>
    /// <remarks>
    /// The receive loop is never cancelled (cancelling a pending receive aborts a WebSocket, and the client
    /// would see 1006 instead of the reason): the server sends its close frame while the loop still reads,
    /// and the loop ends when the client answers it, or after two seconds without an answer.
    /// </remarks>
    public async Task RunAsync(CancellationToken until, Func<SocketClose> why)
    {
        var receiving = ReceiveUntilClosedAsync();
        try
        {
            await foreach (var json in outbox.Reader.ReadAllAsync(until))
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, until);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        finally
        {
            await CloseAsync(until.IsCancellationRequested ? why() : null);
            if (await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(2))) != receiving)
                socket.Abort();
            await receiving;
        }
    }

    /// <summary>The client sends nothing we need; reading is how a close from its side is noticed.</summary>
    private async Task ReceiveUntilClosedAsync()
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException) { }
        outbox.Writer.TryComplete();
    }

    /// <summary>Sends the server's close frame, or answers the client's.</summary>
    private async Task CloseAsync(SocketClose? close)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(
                close?.Status ?? WebSocketCloseStatus.NormalClosure,
                close?.Reason,
                timeout.Token
            );
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }
}
