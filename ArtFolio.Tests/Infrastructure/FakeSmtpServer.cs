using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// A real SMTP listener on 127.0.0.1 speaking the plain (no TLS, no auth) subset a client needs:
/// EHLO/HELO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT. Received messages are parsed with
/// MimeKit. It can refuse with a transient 451, as a busy server does.
/// </summary>
public sealed partial class FakeSmtpServer : IAsyncDisposable
{
    private static readonly Lazy<FakeSmtpServer> SharedServer = new(() => new FakeSmtpServer());
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private int refusals;

    private FakeSmtpServer()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The server every test app sends to (tests tell their mail apart by its unique recipient).</summary>
    public static FakeSmtpServer Shared => SharedServer.Value;

    public static FakeSmtpServer Start() => new();

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Answer the next <paramref name="count"/> messages with 451 (int.MaxValue: until told otherwise).</summary>
    public void Refuse(int count) => Interlocked.Exchange(ref refusals, count);

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        received
            .Where(m => m.To.Mailboxes.Any(a => a.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>Waits for the <paramref name="count"/>th message to <paramref name="address"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1, double seconds = 15)
    {
        var messages = await TestApp.EventuallyAsync(
            () => Task.FromResult(MessagesTo(address)),
            m => m.Count >= count,
            seconds
        );
        messages.Count.ShouldBeGreaterThanOrEqualTo(count, $"no message #{count} to {address}");
        return messages[count - 1];
    }

    /// <summary>The token in the first link of a message's text body.</summary>
    public static string TokenIn(MimeMessage message) =>
        TokenLink().Match(message.TextBody ?? "") is { Success: true } link
            ? Uri.UnescapeDataString(link.Groups["token"].Value)
            : throw new ShouldAssertException($"no token link in: {message.TextBody}");

    [GeneratedRegex(@"https?://\S+\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenLink();

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 fake-smtp ready");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 fake-smtp");
                        break;
                    case "MAIL":
                        if (Interlocked.Decrement(ref refusals) >= 0)
                            await writer.WriteLineAsync("451 4.3.0 Busy, try again later");
                        else
                        {
                            Interlocked.Exchange(ref refusals, 0);
                            await writer.WriteLineAsync("250 OK");
                        }
                        break;
                    case "RCPT":
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine)
                                .Append("\r\n");
                        received.Enqueue(MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(data.ToString()))));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (IOException) { }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        return ValueTask.CompletedTask;
    }
}
