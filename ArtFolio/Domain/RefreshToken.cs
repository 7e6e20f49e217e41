namespace ArtFolio.Domain;

/// <summary>
/// A refresh token, stored only as the SHA-256 of its value. Rotated-out tokens are kept (with
/// <see cref="ReplacedAt"/> set) until they expire, so that presenting one again is recognised as reuse.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SessionId { get; init; }
    public required byte[] TokenHash { get; init; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime ExpiresAt { get; init; }
    public DateTime? ReplacedAt { get; set; }

    public Session Session { get; init; } = null!;
}
