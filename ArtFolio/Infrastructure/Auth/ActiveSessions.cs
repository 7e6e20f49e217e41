using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ArtFolio.Infrastructure.Auth;

/// <summary>
/// Whether the session an access token belongs to is still open: not ended by logout, logout-all,
/// a password change or refresh-token reuse, and its account not deleted (which deletes the session).
/// Checked on every authenticated request. An answer is kept per instance for
/// <see cref="JwtOptions.SessionCheckCacheDuration"/>, so most requests cost a memory lookup. The
/// instance that ends a session forgets it at once; the others are told through Redis when it is
/// configured, and otherwise stop trusting their answer within that duration.
/// </summary>
public sealed class ActiveSessions(IMemoryCache cache, JwtOptions options, Evictions evictions) : IEvictionTarget
{
    public string Kind => "session";

    public async ValueTask<bool> IsActiveAsync(
        AppDbContext db,
        Guid userId,
        Guid sessionId,
        CancellationToken cancellationToken
    )
    {
        var key = new CacheKey(sessionId);
        if (cache.TryGetValue(key, out bool active))
            return active;
        active = await db
            .Sessions.AsNoTracking()
            .AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, cancellationToken);
        // An ended session never opens again: a "no" can be kept as long as its tokens live.
        var keep = active ? options.SessionCheckCacheDuration : options.AccessTokenLifetime;
        if (keep > TimeSpan.Zero)
            cache.Set(key, active, keep);
        return active;
    }

    /// <summary>Called by whoever ends sessions, so that every instance refuses their tokens at once.</summary>
    public Task ForgetAsync(IEnumerable<Guid> sessionIds, CancellationToken cancellationToken) =>
        evictions.EvictAsync(Kind, sessionIds.Select(id => id.ToString()).ToList(), cancellationToken);

    public ValueTask EvictAsync(string key)
    {
        if (Guid.TryParse(key, out var id))
            cache.Remove(new CacheKey(id));
        return ValueTask.CompletedTask;
    }

    private readonly record struct CacheKey(Guid SessionId);
}
