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

    /// <summary>
    /// Sends until the client closes, <paramref name="until"/> fires (token expiry, session ended,
    /// shutdown), or the socket fails; when <paramref name="until"/> fired, the close says <paramref name="why"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken until, Func<string> why)
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
            await CloseAsync(until.IsCancellationRequested ? why() : null);
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

    private async Task CloseAsync(string? policyReason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseAsync(
                policyReason is null ? WebSocketCloseStatus.NormalClosure : WebSocketCloseStatus.PolicyViolation,
                policyReason,
                timeout.Token
            );
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }
}
