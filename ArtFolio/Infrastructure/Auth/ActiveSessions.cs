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
public sealed class ActiveSessions(IMemoryCache memory, JwtOptions options, Evictions evictions) : IEvictionTarget
{
    // A check that read "open" just before a revocation committed must not cache it after the eviction.
    private readonly CheckCache<Guid, bool> cache = new(memory);

    public string Kind => "session";

    public async ValueTask<bool> IsActiveAsync(
        AppDbContext db,
        Guid userId,
        Guid sessionId,
        CancellationToken cancellationToken
    )
    {
        if (cache.TryGet(sessionId, out var active))
            return active;
        var readAt = cache.Generation;
        active = await db
            .Sessions.AsNoTracking()
            .AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, cancellationToken);
        // An ended session never opens again: a "no" can be kept as long as its tokens live.
        cache.Set(sessionId, active, active ? options.SessionCheckCacheDuration : options.AccessTokenLifetime, readAt);
        return active;
    }

    /// <summary>
    /// Called by whoever ends sessions, once the change is committed, so that every instance refuses
    /// their tokens at once.
    /// </summary>
    public Task ForgetAsync(IEnumerable<Guid> sessionIds, CancellationToken cancellationToken) =>
        evictions.EvictAsync(Kind, sessionIds.Select(id => id.ToString()).ToList(), cancellationToken);

    public ValueTask EvictAsync(string key)
    {
        if (Guid.TryParse(key, out var id))
            cache.Evict(id);
        return ValueTask.CompletedTask;
    }
}
