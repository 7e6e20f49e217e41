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

    // A 1x1 progressive JPEG, a 1x1 GIF and a 1x1 lossless WebP.
    public static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA="
    );
    public static readonly byte[] Gif = Convert.FromBase64String(
        "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
    );
    public static readonly byte[] WebP = Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /// <summary>The start of an MP4 (an ftyp box) and filler: enough to be recognised, which is all the API does with video.</summary>
    public static byte[] Mp4(int bytes = 4096) =>
        [.. new byte[] { 0, 0, 0, 0x18 }, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8, .. new byte[bytes - 24]];

    public static byte[] WebM(int bytes = 4096) => [0x1A, 0x45, 0xDF, 0xA3, .. new byte[bytes - 4]];

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
