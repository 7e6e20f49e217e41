namespace ArtFolio.Domain;

/// <summary>
/// One login on one device. A session outlives the refresh tokens issued in it: rotation replaces
/// the token, not the session, so presenting a rotated-out token can revoke the whole session.
/// </summary>
public sealed class Session
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime? RevokedAt { get; set; }

    /// <summary>Why the session ended: logout, logout-all, password-changed, token-reuse.</summary>
    public string? RevokedReason { get; set; }

    public List<RefreshToken> RefreshTokens { get; init; } = [];
}
