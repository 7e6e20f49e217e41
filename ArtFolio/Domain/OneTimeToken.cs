namespace ArtFolio.Domain;

/// <summary>
/// A single-use secret sent by email: to verify an address, or to reset a password. Only its SHA-256
/// hash is stored; the value is minted as the email is sent and exists in the email alone.
/// </summary>
public sealed class OneTimeToken
{
    public const string VerifyEmail = "verify-email";
    public const string ResetPassword = "reset-password";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }

    /// <summary><see cref="VerifyEmail"/> or <see cref="ResetPassword"/>.</summary>
    public required string Purpose { get; init; }

    public required byte[] TokenHash { get; set; }

    /// <summary>The outbox message whose email carries it: a retry of that message gives this row a new value.</summary>
    public Guid? OutboxMessageId { get; init; }

    /// <summary>The address it was sent to: a verification proves that address, not whatever the account has later.</summary>
    public required string Email { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>Used, superseded by a newer one, or cancelled by a password change: it no longer works.</summary>
    public DateTime? ConsumedAt { get; set; }
}
