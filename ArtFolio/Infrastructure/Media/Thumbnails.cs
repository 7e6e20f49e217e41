using NetVips;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Thumbnails with libvips through NetVips, whose native package brings its own libvips build (no
/// system package). Where the native library cannot load, <see cref="IsAvailable"/> is false and
/// callers use the original as its own thumbnail.
/// </summary>
public static class Thumbnails
{
    private static readonly Lazy<bool> Initialised = new(Initialise);

    public static bool IsAvailable => Initialised.Value;

    /// <summary>Writes a thumbnail no larger than <paramref name="size"/> on its longer side; false if libvips failed.</summary>
    public static bool TryMake(string source, string target, int size)
    {
        if (!IsAvailable)
            return false;
        try
        {
            using var thumbnail = Image.Thumbnail(source, size, height: size);
            thumbnail.WriteToFile(target);
            return true;
        }
        catch (VipsException)
        {
            return false;
        }
    }

    private static bool Initialise()
    {
        if (!ModuleInitializer.VipsInitialized)
            return false;
        // The operation cache helps programs that revisit images; a server thumbnails each upload
        // once, so it would only hold memory.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        // Only the loaders libvips marks as fuzzed and safe for untrusted input.
        NetVips.NetVips.BlockUntrusted = true;
        return true;
    }
}
