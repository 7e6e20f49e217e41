using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Auth;

/// <summary>Starts sessions and answers with token pairs; shared by the register, login and refresh slices.</summary>
public static class SessionIssuer
{
    /// <summary>Adds a new session with its first refresh token to the context (the caller saves).</summary>
    public static AuthResponse StartSession(this AppDbContext db, TokenService tokens, User user, DateTime now)
    {
        var session = new Session { UserId = user.Id, CreatedAt = now };
        var refresh = tokens.CreateRefreshToken();
        session.RefreshTokens.Add(
            new RefreshToken
            {
                SessionId = session.Id,
                TokenHash = refresh.Hash,
                CreatedAt = now,
                ExpiresAt = refresh.ExpiresAt,
            }
        );
        db.Sessions.Add(session);
        return tokens.Respond(user, session.Id, refresh.Value, refresh.ExpiresAt, rotated: true);
    }

    public static AuthResponse Respond(
        this TokenService tokens,
        User user,
        Guid sessionId,
        string refreshToken,
        DateTime refreshTokenExpiresAt,
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
            refreshTokenExpiresAt,
            rotated
        );
    }
}
