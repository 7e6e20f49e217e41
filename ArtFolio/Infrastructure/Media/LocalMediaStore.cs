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
        // An image's original is private (the public gets its thumbnail and renditions); a video is public as it is.
        var image = file.Type.Kind == MediaKind.Image;
        var key = $"{(image ? MediaRef.PrivatePrefix : "")}{folder}/{name}{file.Type.Extension}";
        var made = new List<string>();
        var stored = false;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PathOf(key))!);
            File.Move(file.TempPath, PathOf(key));
            made.Add(key);
            if (!image)
            {
                stored = true;
                return new StoredMedia(new MediaRef(key, null, file.Type.Kind), UrlOf(key), UrlOf(key), [], null);
            }

            var thumbnailKey = $"{folder}/thumbs/{name}.webp";
            Directory.CreateDirectory(Path.Combine(root, folder, "thumbs"));
            var thumbnailMade = await Images.TryThumbnailAsync(
                PathOf(key),
                PathOf(thumbnailKey),
                options.ThumbnailSize,
                cancellationToken
            );
            made.Add(thumbnailKey);
            var renditionFolder = Path.Combine(root, folder, "r");
            Directory.CreateDirectory(renditionFolder);
            var widths = options.WidthsFor(use);
            var rendered = await Images.RenderAsync(
                PathOf(key),
                file.Type.IsAnimatable,
                Images.RenditionWidths(file.Width ?? widths[^1], widths),
                renditionFolder,
                name,
                cancellationToken
            );
            made.AddRange(rendered?.Select(r => KeyOf(r.Path)) ?? []);
            // From the source, not the smallest rendition: a lossy WebP shifts the average colour.
            var preview = await Images.PreviewAsync(PathOf(key), cancellationToken);
            if (!thumbnailMade || rendered is null || preview is null)
                throw new MediaStorageException("The image's thumbnail and renditions could not be made.");

            var renditions = rendered
                .Select(r => new Rendition(r.Width, r.Height, "image/webp", UrlOf(KeyOf(r.Path)), KeyOf(r.Path)))
                .ToList();
            var media = new MediaRef(key, thumbnailKey, MediaKind.Image)
            {
                RenditionKeys = [.. renditions.Select(r => r.Key!)],
            };
            stored = true;
            return new StoredMedia(media, renditions[^1].Url, UrlOf(thumbnailKey), renditions, preview);
        }
        catch (IOException e)
        {
            throw new MediaStorageException("Could not write the file to local storage.", e);
        }
        finally
        {
            if (!stored) // failed or cancelled: nothing of it stays
                foreach (var written in made)
                    File.Delete(PathOf(written));
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
