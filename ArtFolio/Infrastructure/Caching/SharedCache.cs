using Microsoft.Extensions.Caching.Hybrid;

namespace ArtFolio.Infrastructure.Caching;

/// <summary>Cache tags of entries that every instance must drop together when what they hold changes.</summary>
public static class CacheTags
{
    public const string Kind = "cache-tag";

    /// <summary>The popular rankings: dropped when an artwork or an account goes, so no ranking comes up short.</summary>
    public const string PopularRankings = "popular";

    public static Task EvictTagAsync(this Evictions evictions, string tag, CancellationToken cancellationToken) =>
        evictions.EvictAsync(Kind, [tag], cancellationToken);
}

/// <summary>Drops HybridCache entries by tag: from memory here, and marks them stale in Redis.</summary>
public sealed class HybridCacheEviction(HybridCache cache) : IEvictionTarget
{
    public string Kind => CacheTags.Kind;

    public ValueTask EvictAsync(string key) => cache.RemoveByTagAsync(key);
}
