using System.Buffers.Binary;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Width and height from an image's header, without decoding a pixel: that is what lets a
/// decompression bomb be refused before any decoder sees it.
/// </summary>
public static class ImageHeader
{
    /// <summary>The pixel size, or null when the header is not a readable one of <paramref name="type"/>.</summary>
    public static (int Width, int Height)? ReadSize(Stream image, MediaType type)
    {
        try
        {
            return type == MediaType.Png ? Png(image)
                : type == MediaType.Gif ? Gif(image)
                : type == MediaType.WebP ? WebP(image)
                : type == MediaType.Jpeg ? Jpeg(image)
                : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static (int, int)? Png(Stream s)
    {
        var h = Read(s, 0, 24);
        return h[12..16].SequenceEqual("IHDR"u8)
            ? Valid(BinaryPrimitives.ReadInt32BigEndian(h[16..]), BinaryPrimitives.ReadInt32BigEndian(h[20..]))
            : null;
    }

    private static (int, int)? Gif(Stream s)
    {
        var h = Read(s, 0, 10);
        return Valid(BinaryPrimitives.ReadUInt16LittleEndian(h[6..]), BinaryPrimitives.ReadUInt16LittleEndian(h[8..]));
    }

    private static (int, int)? WebP(Stream s)
    {
        var h = Read(s, 0, 30);
        var chunk = h[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
            return Valid(
                BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(h[28..]) & 0x3FFF
            );
        if (chunk.SequenceEqual("VP8L"u8) && h[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(h[21..]);
            return Valid((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return Valid(UInt24(h[24..]) + 1, UInt24(h[27..]) + 1);
        return null;
    }

    private static (int, int)? Jpeg(Stream s)
    {
        s.Position = 2; // after SOI
        while (true)
        {
            var marker = NextMarker(s);
            if (marker is 0xD9 or 0xDA) // end of image, or scan data before any frame header
                return null;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
                continue; // markers without a length
            var length = ReadUInt16BigEndian(s);
            if (length < 2)
                return null;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var frame = Read(s, s.Position, 5); // precision, height, width
                return Valid(
                    BinaryPrimitives.ReadUInt16BigEndian(frame[3..]),
                    BinaryPrimitives.ReadUInt16BigEndian(frame[1..])
                );
            }
            s.Position += length - 2;
        }
    }

    private static int NextMarker(Stream s)
    {
        if (ReadByte(s) != 0xFF)
            throw new EndOfStreamException();
        int marker;
        while ((marker = ReadByte(s)) == 0xFF) { } // fill bytes
        return marker;
    }

    private static (int, int)? Valid(int width, int height) => width > 0 && height > 0 ? (width, height) : null;

    private static int UInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    private static int ReadUInt16BigEndian(Stream s) => (ReadByte(s) << 8) | ReadByte(s);

    private static int ReadByte(Stream s) => s.ReadByte() is var b and >= 0 ? b : throw new EndOfStreamException();

    private static Span<byte> Read(Stream s, long offset, int count)
    {
        var buffer = new byte[count];
        s.Position = offset;
        s.ReadExactly(buffer);
        return buffer;
    }
}
