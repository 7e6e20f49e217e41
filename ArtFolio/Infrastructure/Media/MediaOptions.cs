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

    /// <summary>
    /// Whether this instance runs the one-time job that cleans media stored before uploads were cleaned
    /// of their metadata (it records its progress in the database and, once done, does nothing).
    /// </summary>
    public bool CleanStoredMedia { get; set; } = true;

    public string LocalRoot() => Path.GetFullPath(LocalPath);

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
    }
}
