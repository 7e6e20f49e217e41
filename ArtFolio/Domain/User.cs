namespace ArtFolio.Domain;

/// <summary>An account: an artist or a member of the community.</summary>
public sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>3 to 30 characters of a-z 0-9 _ . — always stored lower-case, so it is its own normal form.</summary>
    public required string Username { get; set; }

    /// <summary>The address as the user typed it, for display and mail.</summary>
    public required string Email { get; set; }

    /// <summary>Lower-case copy of <see cref="Email"/>; the unique index on it makes emails unique case-insensitively on every database.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>When the owner proved they read mail at <see cref="Email"/>; null until then, and again after a change.</summary>
    public DateTime? EmailVerifiedAt { get; set; }

    public required string PasswordHash { get; set; }
    public string? DisplayName
    {
        get;
        set
        {
            field = value;
            DisplayNameKey = value?.ToLowerInvariant();
        }
    }

    /// <summary>Lower-case <see cref="DisplayName"/>, for prefix search on an index.</summary>
    public string? DisplayNameKey { get; private set; }
    public string? Bio { get; set; }
    public string? Location { get; set; }
    public string? Website { get; set; }
    public string? AvatarUrl { get; set; }

    /// <summary>The store's keys for the avatar, to delete it when replaced; never shown to clients.</summary>
    public string? AvatarKey { get; set; }
    public string? AvatarThumbnailKey { get; set; }

    /// <summary>The avatar's public renditions, narrowest first.</summary>
    public IReadOnlyList<Rendition> AvatarRenditions { get; set; } = [];

    /// <summary>Kept by the upload and delete of an artwork, in their transactions: a profile or a summary reads it, never counts.</summary>
    public int ArtworkCount { get; set; }

    /// <summary>Denormalised counters, kept exact by the follow slices with atomic updates.</summary>
    public int FollowerCount { get; set; }
    public int FollowingCount { get; set; }

    /// <summary>Sales of this artist's artworks, paid and not refunded, and what they brought: kept with each sale and refund.</summary>
    public int SalesCount { get; set; }
    public long SalesTotalCents { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;

    public MediaRef? Avatar =>
        AvatarKey is null
            ? null
            : new(AvatarKey, AvatarThumbnailKey, MediaKind.Image)
            {
                RenditionKeys = [.. AvatarRenditions.Select(r => r.Key).OfType<string>()],
            };

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();
}
