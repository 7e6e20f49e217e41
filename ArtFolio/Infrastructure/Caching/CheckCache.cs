using Microsoft.Extensions.Caching.Memory;

namespace ArtFolio.Infrastructure.Caching;

/// <summary>
/// Answers of a check kept in memory (is this session open, is this address verified) that an eviction
/// is never overtaken by. A reader notes <see cref="Generation"/> before it asks the database and stores
/// its answer only if no eviction of this kind happened meanwhile: an answer read just before a change
/// committed cannot be cached again after the eviction that followed the change. The price is a miss
/// for the reads that overlap an eviction, which are rare.
/// </summary>
public sealed class CheckCache<TKey, TValue>(IMemoryCache cache)
    where TKey : notnull
{
    private readonly Lock gate = new();
    private long generation;

    /// <summary>Note it before reading what will be stored.</summary>
    public long Generation
    {
        get
        {
            lock (gate)
                return generation;
        }
    }

    public bool TryGet(TKey key, out TValue? value) => cache.TryGetValue(new Entry(key), out value);

    /// <summary>Stores <paramref name="value"/> unless an eviction came after <paramref name="readAt"/>.</summary>
    public void Set(TKey key, TValue value, TimeSpan keep, long readAt)
    {
        if (keep <= TimeSpan.Zero)
            return;
        lock (gate)
            if (generation == readAt)
                cache.Set(new Entry(key), value, keep);
    }

    public void Evict(TKey key)
    {
        lock (gate)
        {
            generation++;
            cache.Remove(new Entry(key));
        }
    }

    // Typed by the cache's own parameters, so two caches on one IMemoryCache never share an entry.
    private readonly record struct Entry(TKey Key);
}
