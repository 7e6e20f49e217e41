using ArtFolio.Domain;

namespace ArtFolio.Infrastructure.Media;

/// <summary>Files on local disk under <c>Media:LocalPath</c>, served by the app under <c>/media</c>.</summary>
public sealed class LocalMediaStore(MediaOptions options, ILogger<LocalMediaStore> logger) : IMediaStore
{
    public const string UrlPrefix = "/media";
    private readonly string root = options.LocalRoot();

    public async Task<StoredMedia> StoreAsync(ReceivedFile file, string folder, CancellationToken cancellationToken)
    {
        var name = Guid.CreateVersion7().ToString("N");
        var key = $"{folder}/{name}{file.Type.Extension}";
        try
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
            File.Move(file.TempPath, PathOf(key));
        }
        catch (IOException e)
        {
            throw new MediaStorageException("Could not write the file to local storage.", e);
        }

        var thumbnailKey = file.Type.Kind == MediaKind.Image ? $"{folder}/thumbs/{name}.webp" : null;
        if (thumbnailKey is not null)
        {
            Directory.CreateDirectory(Path.Combine(root, folder, "thumbs"));
            if (
                !await Images.TryThumbnailAsync(
                    PathOf(key),
                    PathOf(thumbnailKey),
                    options.ThumbnailSize,
                    cancellationToken
                )
            )
                thumbnailKey = null; // no libvips, or it could not read the image: the original stands in
        }
        var media = new MediaRef(key, thumbnailKey, file.Type.Kind);
        return new StoredMedia(media, UrlOf(key), UrlOf(thumbnailKey ?? key));
    }

    public Task DeleteAsync(MediaRef media, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { media.Key, media.ThumbnailKey })
        {
            if (key is null)
                continue;
            try
            {
                File.Delete(PathOf(key));
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete media file {Key}", key);
            }
        }
        return Task.CompletedTask;
    }

    public Task CopyOriginalAsync(MediaRef media, string url, string path, CancellationToken cancellationToken)
    {
        try
        {
            File.Copy(PathOf(media.Key), path, overwrite: true);
        }
        catch (IOException e)
        {
            throw new MediaStorageException($"The stored file {media.Key} cannot be read.", e);
        }
        return Task.CompletedTask;
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var probe = Path.Combine(options.IncomingFolder(), $"probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return Task.FromResult(true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(false);
        }
    }

    private static string UrlOf(string key) => $"{UrlPrefix}/{key}";

    /// <summary>Keys are made here from a GUID and a fixed extension, never from client input.</summary>
    private string PathOf(string key) => Path.Combine(root, key);
}
