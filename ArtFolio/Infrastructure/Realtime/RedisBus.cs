using ArtFolio.Infrastructure.Redis;
using StackExchange.Redis;

namespace ArtFolio.Infrastructure.Realtime;

/// <summary>
/// Several instances sharing Redis: messages are published on one pub/sub channel that every
/// instance subscribes to, delivering those whose recipient has a socket open there. Used instead
/// of PostgreSQL LISTEN/NOTIFY whenever Redis is configured, so one deployment has one path.
/// </summary>
public sealed class RedisBus(
    IConnectionMultiplexer redis,
    RedisOptions options,
    ConnectionRegistry registry,
    ILogger<RedisBus> logger
) : IRealtimeBus, IHostedService
{
    // Far under Redis's 512 MB; it keeps one fan-out from holding the connection for long.
    private const int MaxPayloadBytes = 256 * 1024;

    private RedisChannel Channel => options.Channel("realtime");

    public async Task PublishAsync(IReadOnlyList<RealtimeMessage> messages, CancellationToken cancellationToken)
    {
        var subscriber = redis.GetSubscriber();
        foreach (var payload in RealtimeWire.Pack(messages, MaxPayloadBytes))
            await subscriber.PublishAsync(Channel, payload);
    }

    /// <summary>Subscribed before the app reports started, so nothing published after start-up is missed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis
                .GetSubscriber()
                .SubscribeAsync(Channel, (_, payload) => RealtimeWire.Deliver(payload!, registry, logger));
        }
        catch (RedisException e)
        {
            // The multiplexer subscribes again once it connects.
            logger.LogWarning(e, "Redis is not reachable yet; real-time messages from other instances wait for it");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel, null);
}
