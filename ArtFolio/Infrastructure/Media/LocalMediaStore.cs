using ArtFolio.Domain;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Files on local disk: public ones (renditions, thumbnails, videos) under <c>Media:LocalPath</c>,
/// served by the app under <c>/media</c>; original images under <c>Media:PrivatePath</c>, served only
/// through a signed link (<see cref="SignedOriginalUrls"/>).
/// </summary>
public sealed class LocalMediaStore(
    MediaOptions options,
    SignedOriginalUrls signedUrls,
    ILogger<LocalMediaStore> logger
) : IMediaStore
{
    public const string UrlPrefix = "/media";
    private readonly string root = options.LocalRoot();
    private readonly string privateRoot = options.PrivateRoot();

    public async Task<StoredMedia> StoreAsync(ReceivedFile file, MediaUse use, CancellationToken cancellationToken)
    {
        var folder = use.Folder();
        var name = Guid.CreateVersion7().ToString("N");
        var image = file.Type.Kind == MediaKind.Image;
        var withRenditions = image;
        var key = $"{(withRenditions ? MediaRef.PrivatePrefix : "")}{folder}/{name}{file.Type.Extension}";
        var made = new List<string> { key };
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PathOf(key))!);
            File.Move(file.TempPath, PathOf(key));

            var thumbnailKey = image ? $"{folder}/thumbs/{name}.webp" : null;
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
                    thumbnailKey = null; // libvips could not read it: the original stands in
            }
            if (thumbnailKey is not null)
                made.Add(thumbnailKey);
            if (!withRenditions)
                return new StoredMedia(
                    new MediaRef(key, thumbnailKey, file.Type.Kind),
                    UrlOf(key),
                    UrlOf(thumbnailKey ?? key),
                    [],
                    null
                );

            var renditionFolder = Path.Combine(root, folder, "r");
            Directory.CreateDirectory(renditionFolder);
            var widths = Images.RenditionWidths(file.Width ?? options.WidthsFor(use)[^1], options.WidthsFor(use));
            var rendered = await Images.RenderAsync(
                PathOf(key),
                file.Type.IsAnimatable,
                widths,
                renditionFolder,
                name,
                cancellationToken
            );
            var preview = await Images.PreviewAsync(PathOf(key), cancellationToken);
            if (rendered is not null)
                made.AddRange(rendered.Select(r => KeyOf(r.Path)));
            if (rendered is null || preview is null || thumbnailKey is null)
                throw new MediaStorageException("The image's renditions could not be made.");
            var renditions = rendered
                .Select(r => new Rendition(r.Width, r.Height, "image/webp", UrlOf(KeyOf(r.Path)), KeyOf(r.Path)))
                .ToList();
            var media = new MediaRef(key, thumbnailKey, MediaKind.Image)
            {
                RenditionKeys = [.. renditions.Select(r => r.Key!)],
            };
            return new StoredMedia(media, renditions[^1].Url, UrlOf(thumbnailKey), renditions, preview);
        }
        catch (Exception e) when (e is IOException or MediaStorageException or OperationCanceledException)
        {
            foreach (var stored in made)
                File.Delete(PathOf(stored));
            throw e as MediaStorageException
                ?? (
                    e is OperationCanceledException
                        ? e
                        : new MediaStorageException("Could not write the file to local storage.", e)
                );
        }
    }

    public Task DeleteAsync(MediaRef media, CancellationToken cancellationToken)
    {
        foreach (var key in media.RenditionKeys.Prepend(media.ThumbnailKey).Prepend(media.Key))
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

    /// <summary>A private original through a signed link; one stored before originals were private is public already.</summary>
    public Task<SignedOriginal> OriginalUrlAsync(
        MediaRef media,
        string fileName,
        CancellationToken cancellationToken
    ) => Task.FromResult(signedUrls.Sign(media.Key, fileName));

    /// <summary>The file a signed link names, if it is one of ours and exists.</summary>
    public string? FileOf(string key)
    {
        if (key.Contains("..", StringComparison.Ordinal) || key.Contains('\\') || Path.IsPathRooted(key))
            return null;
        var path = PathOf(key);
        return File.Exists(path) ? path : null;
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

    private string KeyOf(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Keys are made here from a GUID and a fixed extension, never from client input.</summary>
    private string PathOf(string key) =>
        key.StartsWith(MediaRef.PrivatePrefix, StringComparison.Ordinal)
            ? Path.Combine(privateRoot, key[MediaRef.PrivatePrefix.Length..])
            : Path.Combine(root, key);
}
