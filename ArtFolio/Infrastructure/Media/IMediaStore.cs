using ArtFolio.Domain;

namespace ArtFolio.Infrastructure.Media;

/// <summary>Where uploaded files live. One implementation per provider, chosen by <c>Media:Provider</c>.</summary>
public interface IMediaStore
{
    /// <summary>
    /// Stores a received upload under a new server-chosen name. An image is kept private and published
    /// as renditions (<see cref="StoredMedia.Renditions"/>) at the widths of its use; a video is public as it is.
    /// </summary>
    /// <exception cref="MediaStorageException">The provider failed; nothing was stored.</exception>
    Task<StoredMedia> StoreAsync(ReceivedFile file, MediaUse use, CancellationToken cancellationToken);

    /// <summary>Deletes what <see cref="StoreAsync"/> stored. Deleting what is already gone is not an error.</summary>
    Task DeleteAsync(MediaRef media, CancellationToken cancellationToken);

    /// <summary>Copies the stored original of <paramref name="media"/> (served at <paramref name="url"/>) into a local file.</summary>
    /// <exception cref="MediaStorageException">It is gone, or the provider failed.</exception>
    Task CopyOriginalAsync(MediaRef media, string url, string path, CancellationToken cancellationToken);

    /// <summary>A short-lived link that downloads the original as <paramref name="fileName"/>.</summary>
    Task<SignedOriginal> OriginalUrlAsync(MediaRef media, string fileName, CancellationToken cancellationToken);

    /// <summary>Whether the provider can take uploads now, for the status endpoint.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}

/// <summary>What an upload is for, which decides its folder and its renditions' widths.</summary>
public enum MediaUse
{
    Artwork,
    Avatar,
}

public static class MediaUses
{
    public static string Folder(this MediaUse use) => use == MediaUse.Artwork ? "artworks" : "avatars";
}

/// <summary>
/// A stored file: its keys for deletion and its public URLs. <see cref="Url"/> is the widest rendition
/// when there are renditions, else the file itself.
/// </summary>
public sealed record StoredMedia(
    MediaRef Ref,
    string Url,
    string ThumbnailUrl,
    IReadOnlyList<Rendition> Renditions,
    ImagePreview? Preview
);

/// <summary>The storage provider failed or could not be reached; the client gets a 502.</summary>
public sealed class MediaStorageException(string message, Exception? inner = null) : Exception(message, inner);

public static class StoredMediaUse
{
    /// <summary>Points an artwork at newly stored media: its keys, URLs, renditions and preview.</summary>
    public static void UseMedia(this Artwork artwork, StoredMedia stored)
    {
        artwork.MediaKey = stored.Ref.Key;
        artwork.ThumbnailKey = stored.Ref.ThumbnailKey;
        artwork.ImageUrl = stored.Url;
        artwork.ThumbnailUrl = stored.ThumbnailUrl;
        artwork.Renditions = stored.Renditions;
        artwork.Placeholder = stored.Preview?.Placeholder;
        artwork.DominantColor = stored.Preview?.DominantColor;
    }
}

public static class StoredAvatarUse
{
    /// <summary>Points a user's avatar at newly stored media: the bounded thumbnail is the avatar, with its renditions.</summary>
    public static void UseAvatar(this User user, StoredMedia? stored)
    {
        user.AvatarKey = stored?.Ref.Key;
        user.AvatarThumbnailKey = stored?.Ref.ThumbnailKey;
        user.AvatarUrl = stored?.ThumbnailUrl;
        user.AvatarRenditions = stored?.Renditions ?? [];
    }
}
