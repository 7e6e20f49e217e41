using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>The notification WebSocket as a browser uses it: the access token in the query.</summary>
public static class NotificationSockets
{
    public static Uri Address(string accessToken) =>
        new($"ws://localhost/api/v1/notifications/ws?access_token={Uri.EscapeDataString(accessToken)}");

    public static Task<WebSocket> ConnectAsync(this TestApp app, string accessToken) =>
        app.Server.CreateWebSocketClient().ConnectAsync(Address(accessToken), CancellationToken.None);

    /// <summary>The next text message as JSON, or null if none arrives in time.</summary>
    public static async Task<JsonNode?> ReceiveAsync(this WebSocket socket, double seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    return null;
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                    return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
