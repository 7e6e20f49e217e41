using Npgsql;

namespace ArtFolio.Infrastructure.Realtime;

/// <summary>
/// Several instances on one PostgreSQL database: messages go out with NOTIFY on one channel and every
/// instance LISTENs, delivering those whose recipient has a socket open there. Payloads are packed
/// under PostgreSQL's 8000-byte limit, and the NOTIFYs of one publish go in one round trip.
/// </summary>
public sealed class PostgresBus(NpgsqlDataSource dataSource, ConnectionRegistry registry, ILogger<PostgresBus> logger)
    : BackgroundService,
        IRealtimeBus
{
    public const string Channel = "artfolio_realtime";
    private const int MaxPayloadBytes = 7900;

    private NpgsqlConnection? listener;

    public async Task PublishAsync(IReadOnlyList<RealtimeMessage> messages, CancellationToken cancellationToken)
    {
        var payloads = RealtimeWire.Pack(messages, MaxPayloadBytes);
        if (payloads.Count == 0)
            return;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var payload in payloads)
            batch.BatchCommands.Add(
                new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                {
                    Parameters =
                    {
                        new() { Value = Channel },
                        new() { Value = payload },
                    },
                }
            );
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>LISTEN before the app reports started, so nothing published after start-up is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        listener = await ListenAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                listener ??= await ListenAsync(stoppingToken);
                await listener.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the LISTEN connection for real-time messages; reconnecting");
                if (listener is not null)
                    await listener.DisposeAsync();
                listener = null;
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (listener is not null)
            await listener.DisposeAsync();
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, e) => RealtimeWire.Deliver(e.Payload, registry, logger);
        await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
        await listen.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
