using System.Security.Cryptography;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Email;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Features.Auth;

public sealed class AccountOptions : ICheckedSettings
{
    public const string Section = "Accounts";

    /// <summary>Uploads, comments and broadcasts answer 403 until the caller's email is verified.</summary>
    public bool RequireVerifiedEmail { get; set; }

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(48);
    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Verification emails one account may ask for per hour; reset emails one address gets per hour.</summary>
    public int EmailsPerHour { get; set; } = 5;

    public IEnumerable<string> Problems()
    {
        if (VerificationTokenLifetime <= TimeSpan.Zero)
            yield return "VerificationTokenLifetime: must be positive";
        if (ResetTokenLifetime <= TimeSpan.Zero)
            yield return "ResetTokenLifetime: must be positive";
        if (EmailsPerHour <= 0)
            yield return "EmailsPerHour: must be positive";
    }
}

/// <summary>The single-use tokens of verification and reset emails: made, found and spent here.</summary>
public sealed class AccountTokens(AccountOptions options, TimeProvider clock)
{
    public const string Invalid = "This link is invalid, was already used or has expired; ask for a new one.";

    /// <summary>
    /// Mints the token an account email of the outbox message <paramref name="messageId"/> carries, and
    /// stores its hash; returns the value, which only the email will hold. A first attempt adds a row
    /// (a reset first makes the user's earlier reset links stop working); past the hourly limit it adds
    /// nothing and returns null. A retry gives the same row a new value, so an earlier attempt's value
    /// never works; if that row was cancelled since (a newer reset, a password change), null.
    /// </summary>
    public async Task<string?> MintAsync(
        AppDbContext db,
        User user,
        AccountEmail email,
        Guid messageId,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var value = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var expiresAt =
            now
            + (
                email.Purpose == OneTimeToken.ResetPassword
                    ? options.ResetTokenLifetime
                    : options.VerificationTokenLifetime
            );
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var earlier = await db.OneTimeTokens.SingleOrDefaultAsync(
            t => t.OutboxMessageId == messageId,
            cancellationToken
        );
        if (earlier is not null)
        {
            if (earlier.ConsumedAt is not null)
                return null;
            earlier.TokenHash = TokenService.Hash(value);
            earlier.ExpiresAt = expiresAt;
        }
        else
        {
            if (await SentInLastHourAsync(db, user.Id, email.Purpose, cancellationToken) >= options.EmailsPerHour)
                return null;
            if (email.Purpose == OneTimeToken.ResetPassword)
                await CancelAllAsync(db, user.Id, email.Purpose, cancellationToken);
            db.OneTimeTokens.Add(
                new OneTimeToken
                {
                    UserId = user.Id,
                    Purpose = email.Purpose,
                    TokenHash = TokenService.Hash(value),
                    Email = email.Address,
                    OutboxMessageId = messageId,
                    CreatedAt = now,
                    ExpiresAt = expiresAt,
                }
            );
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
    /// How many emails of <paramref name="purpose"/> the user asked for in the last hour: those sent (their
    /// tokens) and those still queued, whose token is minted only as they are sent. The queue is read
    /// among undispatched messages only, a handful at any time.
    /// </summary>
    public async Task<int> RequestedInLastHourAsync(
        AppDbContext db,
        Guid userId,
        string purpose,
        CancellationToken cancellationToken
    )
    {
        var queued = $"\"UserId\":\"{userId}\",\"Purpose\":\"{purpose}\"";
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        // One statement, so one snapshot: a message whose token is minted in between is counted once.
        return await db
            .Users.Where(u => u.Id == userId)
            .Select(u =>
                db.OneTimeTokens.Count(t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt > since)
                + db.Outbox.Count(m =>
                    m.DispatchedAt == null
                    && m.Topic == EmailOutbox.Topic
                    && m.Payload.Contains(queued)
                    // one being sent right now already has its token
                    && !db.OneTimeTokens.Any(t => t.OutboxMessageId == m.Id)
                )
            )
            .SingleAsync(cancellationToken);
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
