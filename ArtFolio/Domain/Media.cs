namespace ArtFolio.Domain;

public enum MediaKind
{
    Image,
    Video,
}

/// <summary>
/// Enough to find a stored file again, to delete it: the store's keys, never shown to clients. An image
/// stored since renditions came has its original kept private (<see cref="IsPrivate"/>) and its
/// renditions' keys in <see cref="RenditionKeys"/>.
/// </summary>
public sealed record MediaRef(string Key, string? ThumbnailKey, MediaKind Kind)
{
    public IReadOnlyList<string> RenditionKeys { get; init; } = [];

    /// <summary>Local keys of private originals start so; Cloudinary's private originals are "authenticated".</summary>
    public const string PrivatePrefix = "private/";

    public bool IsPrivate => Key.StartsWith(PrivatePrefix, StringComparison.Ordinal);
}

/// <summary>
/// A public version of an image at one width (never wider than the original), ready for <c>srcset</c>.
/// <see cref="Key"/> is the store's, to delete it; Cloudinary's renditions are transformations and have none.
/// </summary>
public sealed record Rendition(int Width, int Height, string Type, string Url, string? Key = null);

/// <summary>What a page can show before the image arrives.</summary>
/// <param name="Placeholder">A tiny blurred WebP as a data URI (a few hundred bytes).</param>
/// <param name="DominantColor">The image's average colour, <c>#rrggbb</c>.</param>
public sealed record ImagePreview(string Placeholder, string DominantColor);
