using StackExchange.Redis;

namespace ArtFolio.Infrastructure.Redis;

/// <summary>
/// Redis, for running several instances: set <see cref="ConnectionString"/> and the caches, the
/// rate limits, cache and session evictions and the real-time fan-out are shared through it.
/// Unset (the default), every instance keeps them to itself, which is right for one instance.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, such as <c>localhost:6379</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Put in front of every key and channel, so that several deployments can share one server.</summary>
    public string KeyPrefix { get; set; } = "artfolio:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    public static RedisOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RedisOptions>() ?? new();

    public RedisChannel Channel(string name) => RedisChannel.Literal(KeyPrefix + name);

    public RedisKey Key(string name) => KeyPrefix + name;
}
