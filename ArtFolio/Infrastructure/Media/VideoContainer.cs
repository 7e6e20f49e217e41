using System.Buffers.Binary;

namespace ArtFolio.Infrastructure.Media;

/// <summary>What a video's container says about it: its picture size and how long it plays.</summary>
public sealed record VideoInfo(int Width, int Height, TimeSpan Duration);

/// <summary>
/// Reads the headers of an MP4 (ISO base media: <c>moov/mvhd</c> for the duration, <c>moov/trak/tkhd</c>
/// for the picture size) or a WebM (Matroska EBML: <c>Segment/Info</c> for the duration,
/// <c>Segment/Tracks/TrackEntry/Video</c> for the size). No frame is decoded: this proves the container
/// is readable and describes a video, not that every frame plays. Boxes and elements are skipped by
/// their declared sizes, so only the headers are read, wherever they sit in the file.
/// </summary>
public static class VideoContainer
{
    public static VideoInfo? Read(string path, MediaType type)
    {
        try
        {
            using var file = File.OpenRead(path);
            return type == MediaType.Mp4 ? ReadMp4(file) : ReadWebM(file);
        }
        catch (Exception e) when (e is IOException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    // ---- MP4: a tree of boxes, each [size:4][type:4][body]; size 1 means a 64-bit size follows, 0 "to the end".

    private static VideoInfo? ReadMp4(FileStream file)
    {
        if (FindBox(file, "moov", 0, file.Length) is not var (moovStart, moovEnd))
            return null;
        TimeSpan? duration = null;
        int width = 0,
            height = 0;
        if (FindBox(file, "mvhd", moovStart, moovEnd) is var (mvhd, _))
            duration = MovieDuration(file, mvhd);
        // The largest picture among the tracks (audio tracks have none).
        for (var at = moovStart; FindBox(file, "trak", at, moovEnd) is var (trakStart, trakEnd); at = trakEnd)
            if (
                FindBox(file, "tkhd", trakStart, trakEnd) is var (tkhd, _)
                && TrackSize(file, tkhd) is var (w, h)
                && w > width
            )
                (width, height) = (w, h);
        return duration > TimeSpan.Zero && width > 0 && height > 0
            ? new VideoInfo(width, height, duration.Value)
            : null;
    }

    /// <summary>The body (start, end) of the first box of <paramref name="type"/> among the boxes in [from, to).</summary>
    private static (long Start, long End)? FindBox(FileStream file, string type, long from, long to)
    {
        Span<byte> header = stackalloc byte[16];
        for (var at = from; at + 8 <= to; )
        {
            file.Position = at;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var bodyStart = at + 8;
            if (size == 1)
            {
                file.ReadExactly(header[8..16]);
                size = checked((long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]));
                bodyStart += 8;
            }
            else if (size == 0)
                size = to - at;
            if (size < bodyStart - at || at + size > to)
                return null; // a box that does not fit its parent: damaged
            if (System.Text.Encoding.ASCII.GetString(header[4..8]) == type)
                return (bodyStart, at + size);
            at += size;
        }
        return null;
    }

    private static TimeSpan? MovieDuration(FileStream file, long mvhd)
    {
        Span<byte> body = stackalloc byte[32];
        file.Position = mvhd;
        file.ReadExactly(body);
        var (timescale, duration) =
            body[0] == 1
                ? (BinaryPrimitives.ReadUInt32BigEndian(body[20..]), BinaryPrimitives.ReadUInt64BigEndian(body[24..]))
                : (BinaryPrimitives.ReadUInt32BigEndian(body[12..]), BinaryPrimitives.ReadUInt32BigEndian(body[16..]));
        return timescale == 0 ? null : TimeSpan.FromSeconds((double)duration / timescale);
    }

    private static (int Width, int Height)? TrackSize(FileStream file, long tkhd)
    {
        Span<byte> body = stackalloc byte[96];
        file.Position = tkhd;
        file.ReadExactly(body[..1]);
        var sizeAt = body[0] == 1 ? 88 : 76; // after the versioned times, ids, layer, volume and matrix
        file.Position = tkhd;
        file.ReadExactly(body[..(sizeAt + 8)]);
        // 16.16 fixed point.
        var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(body[sizeAt..]) >> 16);
        var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(body[(sizeAt + 4)..]) >> 16);
        return width > 0 && height > 0 ? (width, height) : null;
    }

    // ---- WebM: EBML elements, each [id: 1-4 byte varint][size: 1-8 byte varint][body].

    private const uint Segment = 0x18538067;
    private const uint Info = 0x1549A966;
    private const uint TimecodeScale = 0x2AD7B1;
    private const uint DurationId = 0x4489;
    private const uint Tracks = 0x1654AE6B;
    private const uint TrackEntry = 0xAE;
    private const uint Video = 0xE0;
    private const uint PixelWidth = 0xB0;
    private const uint PixelHeight = 0xBA;

    private static VideoInfo? ReadWebM(FileStream file)
    {
        // The EBML header, then the Segment.
        if (ReadElement(file, file.Length) is not { } ebml)
            return null;
        file.Position = ebml.End;
        if (ReadElement(file, file.Length) is not { Id: Segment } segment)
            return null;

        ulong scale = 1_000_000; // nanoseconds per tick, Matroska's default
        double? ticks = null;
        int width = 0,
            height = 0;
        for (var at = segment.Start; at < segment.End && (ticks is null || width == 0); )
        {
            file.Position = at;
            if (ReadElement(file, segment.End) is not { } child)
                break;
            if (child.Id == Info)
                foreach (var field in Children(file, child))
                    if (field.Id == TimecodeScale)
                        scale = ReadUnsigned(file, field);
                    else if (field.Id == DurationId)
                        ticks = ReadFloat(file, field);
            if (child.Id == Tracks)
                foreach (var track in Children(file, child).Where(e => e.Id == TrackEntry))
                foreach (var video in Children(file, track).Where(e => e.Id == Video))
                foreach (var field in Children(file, video))
                    if (field.Id == PixelWidth)
                        width = (int)Math.Min(ReadUnsigned(file, field), int.MaxValue);
                    else if (field.Id == PixelHeight)
                        height = (int)Math.Min(ReadUnsigned(file, field), int.MaxValue);
            at = child.End;
        }
        var duration =
            ticks is > 0 && double.IsFinite(ticks.Value)
                ? TimeSpan.FromMilliseconds(ticks.Value * scale / 1e6)
                : TimeSpan.Zero;
        return duration > TimeSpan.Zero && width > 0 && height > 0 ? new VideoInfo(width, height, duration) : null;
    }

    private readonly record struct Element(uint Id, long Start, long End);

    private static List<Element> Children(FileStream file, Element parent)
    {
        var children = new List<Element>();
        for (var at = parent.Start; at < parent.End; )
        {
            file.Position = at;
            if (ReadElement(file, parent.End) is not { } child)
                break;
            children.Add(child);
            at = child.End;
        }
        return children;
    }

    /// <summary>The element at the stream's position, or null if it does not fit inside <paramref name="limit"/>.</summary>
    private static Element? ReadElement(FileStream file, long limit)
    {
        var first = file.ReadByte();
        if (first <= 0)
            return null;
        var idLength = System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;
        if (idLength > 4)
            return null;
        var id = (uint)first;
        for (var i = 1; i < idLength; i++)
            id = (id << 8) | (uint)file.ReadByte();

        var sizeFirst = file.ReadByte();
        if (sizeFirst <= 0)
            return null;
        var sizeLength = System.Numerics.BitOperations.LeadingZeroCount((uint)sizeFirst) - 23;
        var size = (ulong)(sizeFirst & (0xFF >> sizeLength));
        var unknown = size == (ulong)(0xFF >> sizeLength);
        for (var i = 1; i < sizeLength; i++)
        {
            var b = file.ReadByte();
            if (b < 0)
                return null;
            size = (size << 8) | (uint)b;
            unknown &= b == 0xFF;
        }
        var start = file.Position;
        // An unknown size (a live recording's Segment) runs to the end of its parent.
        var end = unknown ? limit : start + (long)Math.Min(size, (ulong)(limit - start) + 1);
        return end > limit ? null : new Element(id, start, end);
    }

    private static ulong ReadUnsigned(FileStream file, Element element)
    {
        var length = (int)(element.End - element.Start);
        if (length is < 1 or > 8)
            return 0;
        file.Position = element.Start;
        ulong value = 0;
        for (var i = 0; i < length; i++)
            value = (value << 8) | (uint)file.ReadByte();
        return value;
    }

    private static double? ReadFloat(FileStream file, Element element)
    {
        Span<byte> bytes = stackalloc byte[8];
        file.Position = element.Start;
        switch (element.End - element.Start)
        {
            case 4:
                file.ReadExactly(bytes[..4]);
                return BinaryPrimitives.ReadSingleBigEndian(bytes);
            case 8:
                file.ReadExactly(bytes);
                return BinaryPrimitives.ReadDoubleBigEndian(bytes);
            default:
                return null;
        }
    }
}
