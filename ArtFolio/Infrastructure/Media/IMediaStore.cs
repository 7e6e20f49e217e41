using ArtFolio.Domain;

namespace ArtFolio.Infrastructure.Media;

/// <summary>Where uploaded files live. One implementation per provider, chosen by <c>Media:Provider</c>.</summary>
public interface IMediaStore
{
    /// <summary>Stores a received upload under a new server-chosen name in <paramref name="folder"/>.</summary>
    /// <exception cref="MediaStorageException">The provider failed; nothing was stored.</exception>
    Task<StoredMedia> StoreAsync(ReceivedFile file, string folder, CancellationToken cancellationToken);

    /// <summary>Deletes what <see cref="StoreAsync"/> stored. Deleting what is already gone is not an error.</summary>
    Task DeleteAsync(MediaRef media, CancellationToken cancellationToken);

    /// <summary>Copies the stored original of <paramref name="media"/> (served at <paramref name="url"/>) into a local file.</summary>
    /// <exception cref="MediaStorageException">It is gone, or the provider failed.</exception>
    Task CopyOriginalAsync(MediaRef media, string url, string path, CancellationToken cancellationToken);

    /// <summary>Whether the provider can take uploads now, for the status endpoint.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}

/// <summary>A stored file: its keys for deletion and its public URLs.</summary>
public sealed record StoredMedia(MediaRef Ref, string Url, string ThumbnailUrl);

/// <summary>The storage provider failed or could not be reached; the client gets a 502.</summary>
public sealed class MediaStorageException(string message, Exception? inner = null) : Exception(message, inner);
