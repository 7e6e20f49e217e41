using System.Runtime.InteropServices;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Thumbnails through libvips (Debian's libvips42), called directly: no .NET imaging package is in our
/// package source. Where the library is missing, <see cref="IsAvailable"/> is false and callers use the
/// original as its own thumbnail.
/// </summary>
/// <remarks>
/// vips_thumbnail and vips_image_write_to_file are C varargs functions; they are declared here with
/// the exact arguments passed plus the NULL terminator, which the x86-64 and AArch64 Linux calling
/// conventions pass the same way for variadic and fixed parameters of these (integer and pointer) types.
/// </remarks>
public static partial class Vips
{
    private const string Library = "libvips.so.42";
    private const string GObject = "libgobject-2.0.so.0";
    private static readonly Lazy<bool> Initialised = new(Initialise);

    public static bool IsAvailable => Initialised.Value;

    /// <summary>Writes a thumbnail no larger than <paramref name="size"/> on its longer side; false if libvips failed.</summary>
    public static bool TryThumbnail(string source, string target, int size)
    {
        if (!IsAvailable)
            return false;
        if (vips_thumbnail(source, out var image, size, "height", size, IntPtr.Zero) != 0)
        {
            vips_error_clear();
            return false;
        }
        try
        {
            if (vips_image_write_to_file(image, target, IntPtr.Zero) == 0)
                return true;
            vips_error_clear();
            return false;
        }
        finally
        {
            g_object_unref(image);
        }
    }

    private static bool Initialise()
    {
        try
        {
            // vips_init loads plug-in modules (openslide, magick, poppler, ...) from $VIPSHOME/lib into the
            // global symbol scope; openslide brings the system libsqlite3, and e_sqlite3's lazily bound calls
            // then land in that other SQLite and crash the process. The formats we accept are built into
            // libvips itself, so point VIPSHOME where there are no modules. (.NET's own environment is
            // not what C's getenv reads, hence setenv.)
            setenv("VIPSHOME", Path.Combine(AppContext.BaseDirectory, "no-vips-modules"), 1);
            if (vips_init("artfolio") != 0)
                return false;
            // The operation cache (100 MB by default) helps programs that revisit images; a server
            // thumbnails each upload once, so it would only hold memory.
            vips_cache_set_max(0);
            // Only the loaders libvips marks as fuzzed and safe for untrusted input (8.13 and later).
            try
            {
                vips_block_untrusted_set(1);
            }
            catch (EntryPointNotFoundException) { }
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int vips_init(string argv0);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport(Library)]
    private static partial void vips_block_untrusted_set(int state);

    [LibraryImport(Library)]
    private static partial void vips_cache_set_max(int max);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int vips_thumbnail(
        string filename,
        out IntPtr image,
        int width,
        string heightOption,
        int height,
        IntPtr terminator
    );

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int vips_image_write_to_file(IntPtr image, string filename, IntPtr terminator);

    [LibraryImport(Library)]
    private static partial void vips_error_clear();

    [LibraryImport(GObject)]
    private static partial void g_object_unref(IntPtr obj);
}
