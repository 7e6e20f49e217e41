using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth;

public static class SessionRevocation
{
    public const string Logout = "logout";
    public const string LogoutAll = "logout-all";
    public const string PasswordChanged = "password-changed";
    public const string TokenReuse = "token-reuse";

    /// <summary>Ends the matching sessions that are still open, in one UPDATE; their refresh tokens stop working.</summary>
    public static Task<int> RevokeSessionsAsync(
        this AppDbContext db,
        Expression<Func<Session, bool>> which,
        string reason,
        DateTime now,
        CancellationToken cancellationToken
    ) =>
        db
            .Sessions.Where(which)
            .Where(s => s.RevokedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason),
                cancellationToken
            );
}
