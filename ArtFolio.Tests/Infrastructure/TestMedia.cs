using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>Real media files made in code: no binary fixtures, and any size a test needs.</summary>
public static class TestMedia
{
    /// <summary>A real PNG; with <paramref name="noise"/> it barely compresses, for size tests.</summary>
    public static byte[] Png(int width = 64, int height = 48, bool noise = false)
    {
        var raw = new byte[(width * 3 + 1) * height];
        if (noise)
            Random.Shared.NextBytes(raw);
        for (var row = 0; row < height; row++)
            raw[row * (width * 3 + 1)] = 0; // filter type: none
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(raw);
        return PngFile(width, height, compressed.ToArray());
    }

    /// <summary>A PNG header claiming a huge image over a few bytes of data: a decompression bomb.</summary>
    public static byte[] PngBomb(int width = 100_000, int height = 100_000) =>
        PngFile(width, height, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);

    // A 1x1 progressive JPEG (written by libvips), a 1x1 GIF and a 1x1 lossless WebP.
    public static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4QC8RXhpZgAASUkqAAgAAAAGABIBAwABAAAAAQAAABoBBQABAAAAVgAAABsBBQABAAAAXgAAACgBAwABAAAAAgAAABMCAwABAAAAAQAAAGmHBAABAAAAZgAAAAAAAAA4YwAA6AMAADhjAADoAwAABgAAkAcABAAAADAyMTABkQcABAAAAAECAwAAoAcABAAAADAxMDABoAMAAQAAAP//AAACoAQAAQAAAAEAAAADoAQAAQAAAAEAAAAAAAAA/9sAQwADAgIDAgIDAwMDBAMDBAUIBQUEBAUKBwcGCAwKDAwLCgsLDQ4SEA0OEQ4LCxAWEBETFBUVFQwPFxgWFBgSFBUU/9sAQwEDBAQFBAUJBQUJFA0LDRQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU/8IAEQgAAQABAwERAAIRAQMRAf/EABQAAQAAAAAAAAAAAAAAAAAAAAT/xAAVAQEBAAAAAAAAAAAAAAAAAAAGB//aAAwDAQACEAMQAAABTOH3/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABBQJ//8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAgBAwEBPwF//8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAgBAgEBPwF//8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAGPwJ//8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPyF//9oADAMBAAIAAwAAABD/AP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQMBAT8Qf//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQIBAT8Qf//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Qf//Z"
    );
    public static readonly byte[] Gif = Convert.FromBase64String(
        "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
    );
    public static readonly byte[] WebP = Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /// <summary>
    /// An MP4 as far as its container goes: ftyp, then moov with mvhd (the duration) and one video track
    /// whose tkhd gives the picture size, then an mdat of filler up to <paramref name="bytes"/>.
    /// </summary>
    public static byte[] Mp4(int bytes = 4096, int width = 320, int height = 240, double seconds = 2.5)
    {
        var ftyp = Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isomiso2"u8]);
        var mvhd = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(12), 1000); // timescale: milliseconds
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(16), (uint)(seconds * 1000));
        var tkhd = new byte[84];
        BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(76), (uint)width << 16); // 16.16 fixed point
        BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(80), (uint)height << 16);
        var moov = Box("moov", [.. Box("mvhd", mvhd), .. Box("trak", Box("tkhd", tkhd))]);
        var head = ftyp.Length + moov.Length + 8;
        return [.. ftyp, .. moov, .. Box("mdat", new byte[Math.Max(0, bytes - head)])];
    }

    /// <summary>
    /// A WebM as far as its container goes: the EBML header, then a Segment with Info (the duration),
    /// Tracks (one video track with its picture size) and a Cluster of filler up to <paramref name="bytes"/>.
    /// </summary>
    public static byte[] WebM(int bytes = 4096, int width = 320, int height = 240, double seconds = 2.5)
    {
        var header = Ebml(0x1A45DFA3, Ebml(0x4282, "webm"u8.ToArray()));
        var duration = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(duration, seconds * 1000); // ticks of the default 1 ms
        var info = Ebml(0x1549A966, [.. Ebml(0x2AD7B1, [0x0F, 0x42, 0x40]), .. Ebml(0x4489, duration)]);
        var video = Ebml(0xE0, [.. Ebml(0xB0, BigEndian((ushort)width)), .. Ebml(0xBA, BigEndian((ushort)height))]);
        var tracks = Ebml(0x1654AE6B, Ebml(0xAE, [.. Ebml(0xD7, [1]), .. video]));
        var used = header.Length + 12 + info.Length + tracks.Length + 12;
        var cluster = Ebml(0x1F43B675, new byte[Math.Max(0, bytes - used)]);
        return [.. header, .. Ebml(0x18538067, [.. info, .. tracks, .. cluster])];
    }

    // Media that starts right and then is not what it claims: each is refused before anything is stored.

    /// <summary>The first 30 bytes of a PNG: the header is there, the pixels are not.</summary>
    public static byte[] TruncatedPng() => Png()[..30];

    /// <summary>A PNG whose IDAT holds bytes that are not zlib data (with a valid chunk checksum).</summary>
    public static byte[] PngWithCorruptData() => PngFile(64, 48, [0x78, 0x9C, .. Enumerable.Repeat((byte)0xAB, 200)]);

    /// <summary>A 1x1 PNG whose IDAT chunk declares 50 MB that never follow.</summary>
    public static byte[] PngWithOversizedChunk()
    {
        var png = Png(1, 1);
        var idat = png.AsSpan(8 + 25); // signature, then IHDR
        BinaryPrimitives.WriteInt32BigEndian(idat, 50_000_000);
        return png;
    }

    /// <summary>A GIF's header and screen descriptor, and nothing else.</summary>
    public static byte[] GifHeaderOnly() => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0];

    /// <summary>An MP4's ftyp box alone (20 bytes): no movie in it.</summary>
    public static byte[] Mp4FtypOnly() => [0, 0, 0, 0x14, .. "ftypisom"u8, 0, 0, 2, 0, .. "isom"u8];

    /// <summary>The WebM magic and zeros.</summary>
    public static byte[] WebMHeaderOnly() => [0x1A, 0x45, 0xDF, 0xA3, .. new byte[60]];

    public static readonly byte[] Text = "just some text, not a picture"u8.ToArray();
    public static readonly byte[] Svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
    public static readonly byte[] Executable =
    [
        0x4D,
        0x5A,
        0x90,
        0x00,
        0x03,
        0x00,
        0x00,
        0x00,
        0x04,
        0x00,
        0x00,
        0x00,
        0xFF,
        0xFF,
        0x00,
        0x00,
    ];

    /// <summary>A multipart form with the file under <paramref name="fileField"/> and the text fields given.</summary>
    public static MultipartFormDataContent Form(
        byte[]? file,
        IEnumerable<(string Name, string Value)> fields,
        string fileName = "upload.png",
        string declaredType = "image/png",
        string fileField = "image"
    )
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
            form.Add(content, fileField, fileName);
        }
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        return form;
    }

    private static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    /// <summary>An EBML element: its id as written, an 8-byte size, the body.</summary>
    private static byte[] Ebml(uint id, byte[] body)
    {
        var idBytes = BitConverter.GetBytes(id).Reverse().SkipWhile(b => b == 0).ToArray();
        var size = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(size, (ulong)body.Length);
        size[0] = 0x01; // the 8-byte length marker
        return [.. idBytes, .. size, .. body];
    }

    private static byte[] BigEndian(ushort value) => [(byte)(value >> 8), (byte)value];

    private static byte[] PngFile(int width, int height, byte[] idat)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        return [0x89, .. "PNG\r\n\u001a\n"u8, .. Chunk("IHDR", header), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    /// <summary>CRC-32 (IEEE), as PNG chunks carry it.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
