using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth;

public static class SessionRevocation
{
    public const string Logout = "logout";
    public const string LogoutAll = "logout-all";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string TokenReuse = "token-reuse";

    /// <summary>
    /// Ends the matching sessions that are still open: their refresh tokens stop working, and so do
    /// their access tokens (see <see cref="ActiveSessions"/>).
    /// </summary>
    public static async Task<int> RevokeSessionsAsync(
        this AppDbContext db,
        ActiveSessions sessions,
        Expression<Func<Session, bool>> which,
        string reason,
        DateTime now,
        CancellationToken cancellationToken
    )
    {
        var open = db.Sessions.Where(which).Where(s => s.RevokedAt == null);
        var ids = await open.Select(s => s.Id).ToListAsync(cancellationToken);
        var revoked = await open.ExecuteUpdateAsync(
            s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason),
            cancellationToken
        );
        await sessions.ForgetAsync(ids, CancellationToken.None);
        return revoked;
    }
}
