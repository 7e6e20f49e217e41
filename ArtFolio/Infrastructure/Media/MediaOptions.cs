using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Media;

public enum MediaProvider
{
    Local,
    Cloudinary,
}

public sealed class MediaOptions : ICheckedSettings
{
    public const string Section = "Media";

    public MediaProvider Provider { get; set; } = MediaProvider.Local;

    /// <summary>Local storage folder, relative to the working directory; served under <c>/media</c>.</summary>
    public string LocalPath { get; set; } = "data/media";

    public long MaxImageBytes { get; set; } = 20_000_000;
    public long MaxVideoBytes { get; set; } = 200_000_000;

    /// <summary>Images with more pixels than this are refused before anything decodes them (decompression bombs).</summary>
    public long MaxImagePixels { get; set; } = 100_000_000;

    /// <summary>The longest side of a generated thumbnail, in pixels.</summary>
    public int ThumbnailSize { get; set; } = 400;

    /// <summary>The widths of an artwork image's public renditions (never wider than the original).</summary>
    /// <remarks>Nullable: the configuration binder appends to a list that has items already.</remarks>
    public int[]? RenditionWidths { get; set; }

    public static readonly int[] DefaultRenditionWidths = [480, 960, 1600, 2400];

    public IReadOnlyList<int> Widths() => RenditionWidths is { Length: > 0 } widths ? widths : DefaultRenditionWidths;

    /// <summary>The widths of an avatar's public renditions (never wider than the picture).</summary>
    public int[]? AvatarWidths { get; set; }

    public static readonly int[] DefaultAvatarWidths = [96, 192, 400];

    /// <summary>The rendition widths for what an upload is for.</summary>
    public IReadOnlyList<int> WidthsFor(MediaUse use) =>
        use == MediaUse.Artwork ? Widths()
        : AvatarWidths is { Length: > 0 } widths ? widths
        : DefaultAvatarWidths;

    /// <summary>
    /// Where local originals of images are kept, outside <see cref="LocalPath"/> so that nothing serves
    /// them but a signed URL (relative to the working directory).
    /// </summary>
    public string PrivatePath { get; set; } = "data/originals";

    /// <summary>How long a signed URL to an original works.</summary>
    public TimeSpan OriginalUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The key signing local originals' URLs; when empty, one derived from <c>Jwt:SigningKey</c> (every
    /// instance shares that already).
    /// </summary>
    public string? UrlSigningKey { get; set; }

    /// <summary>
    /// Whether this instance runs the one-time job that cleans media stored before uploads were cleaned
    /// of their metadata (it records its progress in the database and, once done, does nothing).
    /// </summary>
    public bool CleanStoredMedia { get; set; } = true;

    public string LocalRoot() => Path.GetFullPath(LocalPath);

    public string PrivateRoot() => Path.GetFullPath(PrivatePath);

    /// <summary>
    /// Uploads land here while they stream in: inside the media folder, so the local store takes
    /// them with an atomic move; the dot keeps the static file server from ever serving it.
    /// </summary>
    public string IncomingFolder() => Path.Combine(LocalRoot(), ".incoming");

    public IEnumerable<string> Problems()
    {
        if (MaxImageBytes <= 0)
            yield return "MaxImageBytes: must be positive";
        if (MaxVideoBytes <= 0)
            yield return "MaxVideoBytes: must be positive";
        if (MaxImagePixels <= 0)
            yield return "MaxImagePixels: must be positive";
        if (ThumbnailSize <= 0)
            yield return "ThumbnailSize: must be positive";
        if (string.IsNullOrWhiteSpace(LocalPath))
            yield return "LocalPath: is required";
        if (string.IsNullOrWhiteSpace(PrivatePath))
            yield return "PrivatePath: is required";
        else if (
            Path.GetRelativePath(LocalRoot(), PrivateRoot()) is var inside
            && !inside.StartsWith("..", StringComparison.Ordinal)
            && !Path.IsPathRooted(inside)
        )
            yield return "PrivatePath: must not be inside LocalPath (everything there is served publicly)";
        if (Widths().Any(w => w is < 16 or > 8192))
            yield return "RenditionWidths: each must be from 16 to 8192 pixels";
        if (WidthsFor(MediaUse.Avatar).Any(w => w is < 16 or > 8192))
            yield return "AvatarWidths: each must be from 16 to 8192 pixels";
        if (OriginalUrlLifetime <= TimeSpan.Zero || OriginalUrlLifetime > TimeSpan.FromDays(7))
            yield return "OriginalUrlLifetime: must be more than zero and at most 7 days";
    }
}
