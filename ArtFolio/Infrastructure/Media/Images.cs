using NetVips;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Decoding and thumbnails with libvips through NetVips, whose native package brings its own libvips
/// build (no system package). Where the native library cannot load, <see cref="IsAvailable"/> is false:
/// uploads are then checked by their headers only, and the original stands in for its thumbnail.
/// </summary>
public static class Images
{
    private static readonly Lazy<bool> Initialised = new(Initialise);

    // Decoding costs memory in proportion to the image, and it is CPU-bound anyway: at most one per
    // core at a time keeps memory flat however many uploads arrive together.
    private static readonly SemaphoreSlim Slots = new(Environment.ProcessorCount);

    public static bool IsAvailable => Initialised.Value;

    /// <summary>
    /// Whether every pixel of the image decodes (every frame of an animation), failing on the first
    /// error libvips meets: a truncated file, a damaged chunk, a chunk longer than the file.
    /// </summary>
    public static Task<bool> DecodesAsync(string path, MediaType type, CancellationToken cancellationToken) =>
        WithSlotAsync(
            () =>
            {
                var allFrames = type == MediaType.Gif || type == MediaType.WebP ? new VOption { { "n", -1 } } : null;
                using var image = Image.NewFromFile(
                    path,
                    access: Enums.Access.Sequential,
                    failOn: Enums.FailOn.Error,
                    kwargs: allFrames
                );
                _ = image.Avg(); // reads every pixel
                return true;
            },
            cancellationToken
        );

    /// <summary>Writes a thumbnail no larger than <paramref name="size"/> on its longer side; false if libvips failed.</summary>
    public static Task<bool> TryThumbnailAsync(
        string source,
        string target,
        int size,
        CancellationToken cancellationToken
    ) =>
        WithSlotAsync(
            () =>
            {
                using var thumbnail = Image.Thumbnail(source, size, height: size);
                thumbnail.WriteToFile(target);
                return true;
            },
            cancellationToken
        );

    private static async Task<bool> WithSlotAsync(Func<bool> work, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
            return false;
        await Slots.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        catch (VipsException)
        {
            return false;
        }
        finally
        {
            Slots.Release();
        }
    }

    private static bool Initialise()
    {
        if (!ModuleInitializer.VipsInitialized)
            return false;
        // The operation cache helps programs that revisit images; a server reads each upload once or
        // twice, so it would only hold memory.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        // Only the loaders libvips marks as fuzzed and safe for untrusted input.
        NetVips.NetVips.BlockUntrusted = true;
        return true;
    }
}
