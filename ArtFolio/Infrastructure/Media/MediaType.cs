using ArtFolio.Domain;

namespace ArtFolio.Infrastructure.Media;

/// <summary>A file type we accept, recognised from the file's first bytes.</summary>
public sealed record MediaType(MediaKind Kind, string ContentType, string Extension)
{
    public static readonly MediaType Png = new(MediaKind.Image, "image/png", ".png");
    public static readonly MediaType Jpeg = new(MediaKind.Image, "image/jpeg", ".jpg");
    public static readonly MediaType Gif = new(MediaKind.Image, "image/gif", ".gif");
    public static readonly MediaType WebP = new(MediaKind.Image, "image/webp", ".webp");
    public static readonly MediaType Mp4 = new(MediaKind.Video, "video/mp4", ".mp4");
    public static readonly MediaType WebM = new(MediaKind.Video, "video/webm", ".webm");

    /// <summary>Whether files of this type may hold several frames (an animation).</summary>
    public bool IsAnimatable => this == Gif || this == WebP;

    public static readonly IReadOnlyList<MediaType> All = [Png, Jpeg, Gif, WebP, Mp4, WebM];

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int SniffLength = 16;

    public string KindName => Kind == MediaKind.Image ? "image" : "video";

    /// <summary>The type from the magic numbers, never from a name or a declared Content-Type; null if not one we accept.</summary>
    public static MediaType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return Png;
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return WebP;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && IsMp4Brand(head[8..12]))
            return Mp4;
        if (head.StartsWith((byte[])[0x1A, 0x45, 0xDF, 0xA3]))
            return WebM;
        return null;
    }

    // ISO base media brands of MP4 video; HEIC/AVIF images share the 'ftyp' box and are not accepted.
    private static bool IsMp4Brand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("isom"u8)
        || brand.SequenceEqual("iso2"u8)
        || brand.SequenceEqual("iso5"u8)
        || brand.SequenceEqual("iso6"u8)
        || brand.SequenceEqual("mp41"u8)
        || brand.SequenceEqual("mp42"u8)
        || brand.SequenceEqual("avc1"u8)
        || brand.SequenceEqual("M4V "u8)
        || brand.SequenceEqual("dash"u8);
}
