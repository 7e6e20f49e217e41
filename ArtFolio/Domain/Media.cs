namespace ArtFolio.Domain;

public enum MediaKind
{
    Image,
    Video,
}

/// <summary>Enough to find a stored file again, to delete it: the store's keys, never shown to clients.</summary>
public sealed record MediaRef(string Key, string? ThumbnailKey, MediaKind Kind);
