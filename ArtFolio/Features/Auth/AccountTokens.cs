using System.Security.Cryptography;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Features.Auth;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Uploads, comments and broadcasts answer 403 until the caller's email is verified.</summary>
    public bool RequireVerifiedEmail { get; set; }

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(48);
    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Verification emails one account may ask for per hour; reset emails one address gets per hour.</summary>
    public int EmailsPerHour { get; set; } = 5;
}

/// <summary>The single-use tokens of verification and reset emails: made, found and spent here.</summary>
public sealed class AccountTokens(AccountOptions options, TimeProvider clock)
{
    public const string Invalid = "This link is invalid, was already used or has expired; ask for a new one.";

    /// <summary>Adds a new token for <paramref name="user"/> (saved with the caller's changes) and returns its value.</summary>
    public string Issue(AppDbContext db, User user, string purpose)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var value = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        db.OneTimeTokens.Add(
            new OneTimeToken
            {
                UserId = user.Id,
                Purpose = purpose,
                TokenHash = TokenService.Hash(value),
                Email = user.Email,
                CreatedAt = now,
                ExpiresAt =
                    now
                    + (
                        purpose == OneTimeToken.ResetPassword
                            ? options.ResetTokenLifetime
                            : options.VerificationTokenLifetime
                    ),
            }
        );
        return value;
    }

    /// <summary>How many tokens of <paramref name="purpose"/> the user was sent in the last hour.</summary>
    public Task<int> SentInLastHourAsync(
        AppDbContext db,
        Guid userId,
        string purpose,
        CancellationToken cancellationToken
    )
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        return db.OneTimeTokens.CountAsync(
            t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt > since,
            cancellationToken
        );
    }

    /// <summary>
    /// Spends a token: marks it used if it is one of <paramref name="purpose"/>, unused and unexpired, in
    /// one conditional update (of two racing uses, one wins), and returns it; null for anything else.
    /// </summary>
    public async Task<OneTimeToken?> SpendAsync(
        AppDbContext db,
        string value,
        string purpose,
        CancellationToken cancellationToken
    )
    {
        var hash = TokenService.Hash(value);
        var now = clock.GetUtcNow().UtcDateTime;
        var spent = await db
            .OneTimeTokens.Where(t =>
                t.TokenHash == hash && t.Purpose == purpose && t.ConsumedAt == null && t.ExpiresAt > now
            )
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken);
        return spent == 0
            ? null
            : await db.OneTimeTokens.AsNoTracking().SingleAsync(t => t.TokenHash == hash, cancellationToken);
    }

    /// <summary>Makes every unused token of <paramref name="purpose"/> of the user stop working.</summary>
    public Task<int> CancelAllAsync(AppDbContext db, Guid userId, string purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db
            .OneTimeTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken);
    }
}
