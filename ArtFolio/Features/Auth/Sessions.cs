using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth;

/// <summary>
/// The rules of sessions in one place: starting one (a login, a registration), refreshing it with
/// smart rotation, and ending sessions (logout, logout-all, a password change or reset, token reuse).
/// </summary>
/// <remarks>
/// Smart rotation: a refresh returns the same refresh token, writing nothing, until less than
/// <see cref="JwtOptions.RefreshRotationThreshold"/> of it is left; then it is replaced. A rotated-out
/// token presented again within <see cref="JwtOptions.RefreshReuseGrace"/> returns the same successor
/// (two tabs refreshing at once both go on); after that, presenting it is reuse and ends the session
/// (RFC 9700, 4.14.2). The successor's value is derived from its predecessor with a server key
/// (<see cref="TokenService.SuccessorOf"/>), so it can be handed out again without being stored.
/// </remarks>
public sealed class Sessions(
    AppDbContext db,
    TokenService tokens,
    ActiveSessions active,
    JwtOptions options,
    TimeProvider clock
)
{
    public const string Logout = "logout";
    public const string LogoutAll = "logout-all";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string TokenReuse = "token-reuse";

    /// <summary>Adds a new session with its first refresh token to the context (the caller saves).</summary>
    public AuthResponse Start(User user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new Session { UserId = user.Id, CreatedAt = now };
        var refresh = tokens.CreateRefreshToken();
        session.RefreshTokens.Add(Row(session.Id, refresh, now));
        db.Sessions.Add(session);
        return Respond(user, session.Id, refresh.Value, refresh.ExpiresAt, rotated: true);
    }

    /// <summary>A new access token for the session of <paramref name="refreshToken"/>; null if it does not open one.</summary>
    public async Task<AuthResponse?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var found = await FindAsync(TokenService.Hash(refreshToken), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null || found.SessionRevokedAt is not null || found.ExpiresAt <= now)
            return null;
        if (found.ReplacedAt is not null)
            return await SuccessorAsync(found, refreshToken, now, cancellationToken);
        if (found.ExpiresAt - now >= options.RefreshRotationThreshold)
            // The common path: a new access token, the same refresh token, no write at all.
            return Respond(found.User, found.SessionId, refreshToken, found.ExpiresAt, rotated: false);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claim the old token with a conditional update: of two refreshes racing with one token, one
        // rotates it; the other then finds it just replaced and gets the same successor.
        var claimed = await db
            .RefreshTokens.Where(t => t.Id == found.Id && t.ReplacedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplacedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            var again = await FindAsync(found.Hash, cancellationToken);
            return again is null ? null : await SuccessorAsync(again, refreshToken, now, cancellationToken);
        }
        var next = tokens.SuccessorOf(refreshToken);
        db.RefreshTokens.Add(Row(found.SessionId, next, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Respond(found.User, found.SessionId, next.Value, next.ExpiresAt, rotated: true);
    }

    /// <summary>
    /// Ends the open sessions of <paramref name="userId"/> (all, or only <paramref name="sessionId"/>), or
    /// the one session <paramref name="sessionId"/>, in one statement that returns what it ended, and
    /// returns their ids. Outside a transaction every instance forgets them at once; inside one, the
    /// caller calls <see cref="ForgetAsync"/> after its commit (forgetting earlier could let a check
    /// cache the still-committed "open" again).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RevokeAsync(
        Guid? userId,
        Guid? sessionId,
        string reason,
        CancellationToken cancellationToken
    )
    {
        if (userId is null && sessionId is null)
            throw new ArgumentException("Name a user, a session, or both.");
        var now = clock.GetUtcNow().UtcDateTime;
        // Not select-then-update: a session opened between the two would be ended but never forgotten.
        var ended = await (
            (userId, sessionId) switch
            {
                ({ } user, { } session) => db.Database.SqlQuery<Guid>(
                    $"""
                    UPDATE sessions SET "RevokedAt" = {now}, "RevokedReason" = {reason}
                    WHERE "RevokedAt" IS NULL AND "UserId" = {user} AND "Id" = {session}
                    RETURNING "Id" AS "Value"
                    """
                ),
                ({ } user, null) => db.Database.SqlQuery<Guid>(
                    $"""
                    UPDATE sessions SET "RevokedAt" = {now}, "RevokedReason" = {reason}
                    WHERE "RevokedAt" IS NULL AND "UserId" = {user}
                    RETURNING "Id" AS "Value"
                    """
                ),
                _ => db.Database.SqlQuery<Guid>(
                    $"""
                    UPDATE sessions SET "RevokedAt" = {now}, "RevokedReason" = {reason}
                    WHERE "RevokedAt" IS NULL AND "Id" = {sessionId!.Value}
                    RETURNING "Id" AS "Value"
                    """
                ),
            }
        ).ToListAsync(cancellationToken);
        if (db.Database.CurrentTransaction is null)
            await ForgetAsync(ended);
        return ended;
    }

    /// <summary>Makes every instance refuse the access tokens of sessions ended (and committed) just now.</summary>
    public Task ForgetAsync(IReadOnlyList<Guid> ended) => active.ForgetAsync(ended, CancellationToken.None);

    /// <summary>The successor of a rotated-out token while its grace lasts; after it, reuse ends the session.</summary>
    private async Task<AuthResponse?> SuccessorAsync(
        Found replaced,
        string refreshToken,
        DateTime now,
        CancellationToken cancellationToken
    )
    {
        if (now - replaced.ReplacedAt <= options.RefreshReuseGrace)
        {
            var next = tokens.SuccessorOf(refreshToken);
            var successor = await FindAsync(next.Hash, cancellationToken);
            if (successor is { ReplacedAt: null, SessionRevokedAt: null } && successor.ExpiresAt > now)
                return Respond(successor.User, successor.SessionId, next.Value, successor.ExpiresAt, rotated: true);
        }
        await RevokeAsync(null, replaced.SessionId, TokenReuse, cancellationToken);
        return null;
    }

    /// <summary>The stored side of a refresh token: its hash, never its value.</summary>
    private static RefreshToken Row(Guid sessionId, NewRefreshToken token, DateTime now) =>
        new()
        {
            SessionId = sessionId,
            TokenHash = token.Hash,
            CreatedAt = now,
            ExpiresAt = token.ExpiresAt,
        };

    private Task<Found?> FindAsync(byte[] hash, CancellationToken cancellationToken) =>
        (
            from token in db.RefreshTokens.AsNoTracking()
            where token.TokenHash == hash
            join user in db.Users.AsNoTracking() on token.Session.UserId equals user.Id
            select new Found(
                token.Id,
                token.TokenHash,
                token.SessionId,
                token.ExpiresAt,
                token.ReplacedAt,
                token.Session.RevokedAt,
                user
            )
        ).SingleOrDefaultAsync(cancellationToken);

    private AuthResponse Respond(
        User user,
        Guid sessionId,
        string refreshToken,
        DateTime refreshExpiresAt,
        bool rotated
    )
    {
        var (accessToken, accessExpires) = tokens.CreateAccessToken(user, sessionId);
        return new AuthResponse(
            Users.Me.Response.From(user),
            "Bearer",
            accessToken,
            accessExpires,
            refreshToken,
            refreshExpiresAt,
            rotated
        );
    }

    private sealed record Found(
        Guid Id,
        byte[] Hash,
        Guid SessionId,
        DateTime ExpiresAt,
        DateTime? ReplacedAt,
        DateTime? SessionRevokedAt,
        User User
    );
}
