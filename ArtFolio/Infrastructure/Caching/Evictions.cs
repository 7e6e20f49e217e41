namespace ArtFolio.Infrastructure.Caching;

/// <summary>Something kept per instance that can be told to drop entries: a cache, by kind of key.</summary>
public interface IEvictionTarget
{
    /// <summary>Names the kind of key this target drops, such as <c>cache-tag</c> or <c>session</c>.</summary>
    string Kind { get; }

    ValueTask EvictAsync(string key);
}

/// <summary>
/// Drops cached entries on every instance: on this one before it returns, on the others through
/// Redis when it is configured (<see cref="Redis.RedisEvictions"/>). Without Redis there are no
/// others, and entries elsewhere would only live out their short lifetimes anyway.
/// </summary>
public class Evictions(IServiceProvider services)
{
    // Resolved on first use: targets such as the session cache themselves depend on evictions.
    private IEvictionTarget[]? targets;

    public async Task EvictAsync(string kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return;
        await EvictHereAsync(kind, keys);
        await ShareAsync(kind, keys, cancellationToken);
    }

    protected async ValueTask EvictHereAsync(string kind, IEnumerable<string> keys)
    {
        targets ??= services.GetServices<IEvictionTarget>().ToArray();
        foreach (var target in targets.Where(t => t.Kind == kind))
        foreach (var key in keys)
            await target.EvictAsync(key);
    }

    /// <summary>Tells the other instances; nothing to tell when this is the only one.</summary>
    protected virtual Task ShareAsync(
        string kind,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken
    ) => Task.CompletedTask;
}
