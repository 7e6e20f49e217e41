using System.Security.Cryptography;
using ArtFolio.Domain;
using NetVips;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Decoding and thumbnails with libvips through NetVips, whose native package brings its own libvips
/// build (no system package). Where the native library cannot load, <see cref="IsAvailable"/> is false:
/// images are then refused (503), since an image that cannot be cleaned of its metadata is not stored.
/// </summary>
public static class Images
{
    private static readonly Lazy<bool> Initialised = new(Initialise);

    // Decoding costs memory in proportion to the image, and it is CPU-bound anyway: at most one per
    // core at a time keeps memory flat however many uploads arrive together.
    private static readonly SemaphoreSlim Slots = new(Environment.ProcessorCount);

    public static bool IsAvailable => Initialised.Value;

    /// <summary>
    /// Decodes every pixel of <paramref name="source"/> (every frame of an animation), failing on the first
    /// error libvips meets (a truncated file, a damaged chunk), and writes it again to
    /// <paramref name="target"/> in the same format, upright (the EXIF orientation applied) and with no
    /// metadata but its colour profile: no EXIF (GPS position, camera and serial, owner), XMP or IPTC.
    /// Returns the cleaned picture's size, or null if it does not decode.
    /// </summary>
    public static Task<(int Width, int Height)?> CleanAsync(
        string source,
        string target,
        MediaType type,
        CancellationToken cancellationToken
    ) =>
        WithSlotAsync<(int, int)?>(
            () =>
            {
                var animated = type == MediaType.Gif || type == MediaType.WebP;
                using var header = Image.NewFromFile(source, failOn: Enums.FailOn.Error);
                var pages = header.Contains("n-pages") ? (int)header.Get("n-pages") : 1;
                var upright = !header.Contains("orientation") || (int)header.Get("orientation") == 1;
                // Turning a picture needs it whole; an upright one streams through in strips.
                using var decoded = Image.NewFromFile(
                    source,
                    access: upright ? Enums.Access.Sequential : Enums.Access.Random,
                    failOn: Enums.FailOn.Error,
                    kwargs: animated && pages > 1 ? new VOption { { "n", -1 } } : null
                );
                using var turned = pages > 1 ? decoded.Copy() : decoded.Autorot();
                using var clean = turned.Mutate(image =>
                {
                    foreach (var field in image.GetFields())
                        if (!KeptFields.Contains(field) && IsMetadata(field))
                            image.Remove(field);
                });
                clean.WriteToFile(target, SaveOptions(type));
                var height = pages > 1 ? clean.PageHeight : clean.Height;
                return (clean.Width, height);
            },
            null,
            cancellationToken
        );

    // What a picture needs to show as it did: its colour profile and an animation's frame layout.
    private static readonly HashSet<string> KeptFields = ["icc-profile-data", "page-height", "delay", "loop", "gop"];

    private static bool IsMetadata(string field) =>
        field.StartsWith("exif-", StringComparison.Ordinal)
        || field.StartsWith("iptc-", StringComparison.Ordinal)
        || field.StartsWith("xmp-", StringComparison.Ordinal)
        || field.StartsWith("png-comment", StringComparison.Ordinal)
        || field.StartsWith("gif-comment", StringComparison.Ordinal)
        || field is "orientation" or "photoshop-data" or "jpeg-comment";

    /// <summary>The saver keeps the ICC profile only; lossy formats are written at a quality that hides the re-encoding.</summary>
    private static VOption SaveOptions(MediaType type)
    {
        var options = new VOption { { "keep", Enums.ForeignKeep.Icc } };
        if (type == MediaType.Jpeg || type == MediaType.WebP)
            options.Add("Q", 92);
        return options;
    }

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
                // Never enlarged: a small picture stays its own size.
                using var thumbnail = Image.Thumbnail(source, size, height: size, size: Enums.Size.Down);
                thumbnail.WriteToFile(target, new VOption { { "keep", Enums.ForeignKeep.Icc } });
                return true;
            },
            false,
            cancellationToken
        );

    /// <summary>The widths of an image's renditions: each listed width narrower than it, and its own width if narrower than the widest.</summary>
    public static IReadOnlyList<int> RenditionWidths(int width, IEnumerable<int> widths)
    {
        var listed = widths.Order().ToList();
        return [.. listed.Where(w => w < width).Append(Math.Min(width, listed[^1])).Distinct().Order()];
    }

    /// <summary>
    /// Writes WebP renditions of <paramref name="source"/> at each of <paramref name="widths"/> (already
    /// never wider than it) into <paramref name="folder"/>, each from the source: libvips shrinks a JPEG
    /// as it decodes it and streams a PNG through the resize, where decoding a WebP rendition to make
    /// the next would hold it whole (25 MB more at 2,400 pixels). Names are the stem,
    /// the width and a hash of the bytes: a file's name changes whenever its content could. Returns
    /// each rendition's size and file, or null if libvips failed.
    /// </summary>
    public static async Task<List<(int Width, int Height, string Path)>?> RenderAsync(
        string source,
        bool animated,
        IReadOnlyList<int> widths,
        string folder,
        string stem,
        CancellationToken cancellationToken
    )
    {
        await RenderSlot.WaitAsync(cancellationToken);
        try
        {
            return await WithSlotAsync<List<(int, int, string)>?>(
                () =>
                {
                    var made = new List<(int, int, string)>();
                    foreach (var width in widths.OrderDescending())
                    {
                        // Animations keep every frame ("n=-1"); never enlarged, whatever the height.
                        using var image = Image.Thumbnail(
                            source + (animated ? "[n=-1]" : ""),
                            width,
                            height: 100_000,
                            size: Enums.Size.Down
                        );
                        var temporary = Path.Combine(folder, $".{stem}-{width}-{Guid.NewGuid():N}.webp");
                        // Effort 2 of 6: the same bytes as the default (4) within 2% on photographs and noise alike,
                        // at half the time and, on noisy pictures, half the memory (from 3 up, libwebp keeps
                        // every token of the picture to tune its size: 100 MB for a 5-megapixel grain).
                        image.WriteToFile(
                            temporary,
                            new VOption
                            {
                                { "keep", Enums.ForeignKeep.Icc },
                                { "Q", 82 },
                                { "effort", 2 },
                            }
                        );
                        string hash;
                        using (var written = File.OpenRead(temporary))
                            hash = Convert.ToHexStringLower(SHA256.HashData(written))[..16];
                        var path = Path.Combine(folder, $"{stem}-{width}-{hash}.webp");
                        File.Move(temporary, path, overwrite: true);
                        made.Add((image.Width, image.PageHeight, path));
                    }
                    made.Reverse();
                    return made;
                },
                null,
                cancellationToken
            );
        }
        finally
        {
            RenderSlot.Release();
        }
    }

    // A WebP encoder holds the whole picture and its analysis (30 to 50 MB at 2,400 pixels): one
    // set of renditions at a time keeps ten concurrent uploads within 100 MB, while the other slot
    // cleans and thumbnails the next upload.
    private static readonly SemaphoreSlim RenderSlot = new(1);

    /// <summary>The placeholder's width: at 16 pixels a blurred WebP is a few hundred bytes.</summary>
    private const int PlaceholderWidth = 16;

    /// <summary>A tiny WebP of the picture as a data URI, and its average colour; null if libvips failed.</summary>
    public static Task<ImagePreview?> PreviewAsync(string source, CancellationToken cancellationToken) =>
        WithSlotAsync<ImagePreview?>(
            () =>
            {
                // In memory: the file is read in one pass, and the preview is read twice (saved, averaged).
                using var thumbnail = Image.Thumbnail(source, PlaceholderWidth, height: PlaceholderWidth);
                using var tiny = thumbnail.CopyMemory();
                using var srgb = tiny.Colourspace(Enums.Interpretation.Srgb);
                using var flat = srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb;
                var bytes = flat.WebpsaveBuffer(q: 40, keep: Enums.ForeignKeep.None);
                var average = Enumerable
                    .Range(0, 3)
                    .Select(band =>
                    {
                        using var channel = flat.ExtractBand(Math.Min(band, flat.Bands - 1));
                        return (int)Math.Round(channel.Avg());
                    })
                    .ToList();
                return new ImagePreview(
                    "data:image/webp;base64," + Convert.ToBase64String(bytes),
                    $"#{average[0]:x2}{average[1]:x2}{average[2]:x2}"
                );
            },
            null,
            cancellationToken
        );

    private static async Task<T> WithSlotAsync<T>(Func<T> work, T failed, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
            return failed;
        await Slots.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        catch (VipsException)
        {
            return failed;
        }
        finally
        {
            Slots.Release();
            NativeMemory.GiveBack();
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
        // One worker thread per operation: the slots above already run one operation per core, and
        // every extra libvips thread keeps buffers (and a malloc arena) of its own.
        NetVips.NetVips.Concurrency = 1;
        return true;
    }
}

/// <summary>
/// glibc's allocator, told to hand memory back: libvips frees an image's buffers when an operation ends,
/// but glibc keeps freed memory in per-thread arenas for reuse, so every thread that ever encoded a
/// 2400-pixel WebP would keep its high-water mark. Two arenas, and a trim after each operation,
/// keep the process's resident memory near what is in use. Nothing happens off glibc.
/// </summary>
internal static partial class NativeMemory
{
    private const int ArenaMax = -8; // M_ARENA_MAX

    /// <summary>
    /// As the module loads, before the threads that serve requests exist: an arena is made for a thread
    /// on its first allocation and never goes. The runtime's own threads have theirs already, so this
    /// does less than <c>MALLOC_ARENA_MAX=2</c> in the environment (10 concurrent 15 MB uploads: +173 MiB
    /// with this alone, +90 MiB with the variable), which is why the image and launch profile set it.
    /// </summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void LimitArenas()
    {
        if (OperatingSystem.IsLinux())
            Try(() => Mallopt(ArenaMax, 2));
    }

    public static void GiveBack()
    {
        if (OperatingSystem.IsLinux())
            Try(() => MallocTrim(0));
    }

    private static void Try(Func<int> call)
    {
        try
        {
            call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
