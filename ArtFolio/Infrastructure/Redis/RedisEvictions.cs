using System.Text.Json;
using ArtFolio.Infrastructure.Caching;
using StackExchange.Redis;

namespace ArtFolio.Infrastructure.Redis;

/// <summary>
/// Evictions between instances over one Redis pub/sub channel. An instance evicts its own entries
/// before publishing and ignores its own messages. If Redis is away the other instances are not
/// told and keep their entries for their (short) lifetimes: session checks for
/// <c>Jwt:SessionCheckCacheDuration</c>, rankings for <c>Popular:CacheDuration</c>.
/// </summary>
public sealed class RedisEvictions(
    IServiceProvider services,
    IConnectionMultiplexer redis,
    RedisOptions options,
    ILogger<RedisEvictions> logger
) : Evictions(services), IHostedService
{
    private readonly Guid instance = Guid.NewGuid();
    private RedisChannel Channel => options.Channel("evictions");

    protected override async Task ShareAsync(
        string kind,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken
    )
    {
        // Disconnected, a publish would wait for its timeout on every write (each like evicts answers);
        // the other instances, cut off from the channel too, keep their entries for their short lifetimes.
        if (!redis.IsConnected)
        {
            logger.LogWarning("Redis is not connected: the other instances are not told to evict {Kind} entries", kind);
            return;
        }
        try
        {
            var message = JsonSerializer.Serialize(new Message(instance, kind, keys));
            await redis.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not tell the other instances to evict {Kind} entries", kind);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(value));
        }
        catch (RedisException e)
        {
            // The multiplexer subscribes again once it connects.
            logger.LogWarning(e, "Redis is not reachable yet; evictions from other instances wait for it");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(Channel, null);

    private void Receive(RedisValue value) => _ = ReceiveAsync(value);

    private async Task ReceiveAsync(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(value.ToString());
            if (message is not null && message.From != instance)
                await EvictHereAsync(message.Kind, message.Keys);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Ignored an eviction message that could not be applied");
        }
    }

    private sealed record Message(Guid From, string Kind, IReadOnlyCollection<string> Keys);
}
