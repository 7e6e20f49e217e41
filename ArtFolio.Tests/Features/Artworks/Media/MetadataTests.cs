using System.Net;
using ArtFolio.Tests.Infrastructure;
using NetVips;

namespace ArtFolio.Tests.Features.Artworks.Media;

using Me = ArtFolio.Features.Users.Me;
using SetAvatar = ArtFolio.Features.Users.SetAvatar;

/// <summary>
/// Photos tagged as a camera tags them (GPS, maker, owner in EXIF, XMP and IPTC, and an orientation), uploaded, then everything the API links to read back with libvips as a client would.
/// </summary>
public sealed class MetadataTests
{
    public static TheoryData<string> Formats => new() { "jpg", "png", "webp" };

    [Theory, AllDatabases(MemberName = nameof(Formats))]
    public async Task An_uploaded_photo_is_served_upright_without_its_location_camera_or_owner(Db db, string format)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var photo = await TaggedPhotos.CreateAsync(format);

        var (response, artwork) = await alice.Client.UploadAsync(photo, ("title", "At home"), ("category", "Photo"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        // Stored 60 wide and 30 high, shown turned a quarter: the picture is 30x60.
        (artwork!.Width, artwork.Height).ShouldBe((30, 60));
        foreach (var url in new[] { artwork.ImageUrl, artwork.ThumbnailUrl })
        {
            var served = await app.Anonymous.GetByteArrayAsync(url);
            TaggedPhotos.AssertClean(served, url);
            using var image = Image.NewFromBuffer(served);
            (image.Width, image.Height).ShouldBe((30, 60), url);
            // The top-left corner of the upright picture was the bottom-left of the stored one: red.
            // Stats: a row a band after the row for all bands; column 4 is the mean.
            using var stats = image.Crop(0, 0, 4, 4).Stats();
            stats[4, 1][0].ShouldBeGreaterThan(150, url); // red
            stats[4, 3][0].ShouldBeLessThan(100, url); // not blue
        }
        TaggedPhotos.AssertClean(
            await File.ReadAllBytesAsync(Path.Combine(app.MediaRoot, MediaKey(artwork.ImageUrl))),
            "stored"
        );
    }

    [Theory, AllDatabases]
    public async Task The_colour_profile_survives_the_cleaning(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var photo = await TaggedPhotos.CreateAsync("jpg", profile: "p3");

        var (_, artwork) = await alice.Client.UploadAsync(photo, ("title", "Wide gamut"), ("category", "Photo"));

        using var image = Image.NewFromBuffer(await app.Anonymous.GetByteArrayAsync(artwork!.ImageUrl));
        image.Contains("icc-profile-data").ShouldBeTrue();
        var profile = (byte[])image.Get("icc-profile-data");
        profile.ShouldBe(TaggedPhotos.ProfileOf(photo));
        TaggedPhotos.AssertClean(await app.Anonymous.GetByteArrayAsync(artwork.ImageUrl), "original");
    }

    [Theory, AllDatabases]
    public async Task An_avatar_is_served_without_its_location(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");

        var (response, me) = await alice.Client.SendRawAsync<SetAvatar.Endpoint, Me.Response>(
            TestMedia.Form(await TaggedPhotos.CreateAsync("jpg"), [], fileField: "image")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var served = await app.Anonymous.GetByteArrayAsync(me!.AvatarUrl);
        TaggedPhotos.AssertClean(served, "avatar");
        foreach (var file in app.MediaFiles())
            TaggedPhotos.AssertClean(await File.ReadAllBytesAsync(Path.Combine(app.MediaRoot, file)), file);
    }

    private static string MediaKey(string url) => url["/media/".Length..];
}

/// <summary>Photos tagged as cameras tag them, and the check that none of it is left.</summary>
public static class TaggedPhotos
{
    /// <summary>No EXIF, XMP or IPTC at all (so no GPS, maker, serial or owner), and no orientation left to apply.</summary>
    public static void AssertClean(byte[] file, string what)
    {
        using var image = Image.NewFromBuffer(file);
        var fields = image.GetFields();
        fields.ShouldNotContain(f => f.StartsWith("exif-"), what);
        fields.ShouldNotContain("xmp-data", what);
        fields.ShouldNotContain("iptc-data", what);
        (image.Contains("orientation") ? (int)image.Get("orientation") : 1).ShouldBe(1, what);
        var text = System.Text.Encoding.Latin1.GetString(file);
        text.ShouldNotContain("TestCam", Case.Sensitive, what);
        text.ShouldNotContain("Alice Artist", Case.Sensitive, what);
    }

    /// <summary>
    /// A 60x30 picture (left half red, right half blue) tagged as a camera tags it: an EXIF block with
    /// orientation 6 ("turn 90° clockwise to show"), a GPS position near the Eiffel tower, a maker,
    /// model and artist; an XMP packet with the creator and the position; and, in a JPEG, an IPTC
    /// by-line. libvips writes the blocks where each format keeps them (JPEG APP1/APP13, the PNG eXIf
    /// chunk, WebP's EXIF and XMP chunks); the fixture is then read back to prove they are there.
    /// </summary>
    public static Task<byte[]> CreateAsync(string format, string? profile = null)
    {
        using var red = Image.Black(30, 30, bands: 3).NewFromImage(220, 30, 30);
        using var blue = Image.Black(30, 30, bands: 3).NewFromImage(30, 30, 220);
        using var joined = red.Join(blue, Enums.Direction.Horizontal).Cast(Enums.BandFormat.Uchar);
        using var srgb = joined.Copy(interpretation: Enums.Interpretation.Srgb);
        using var picture = profile is null ? srgb.Copy() : srgb.IccTransform(profile, inputProfile: "srgb");
        using var tagged = picture.Mutate(image =>
        {
            image.Set(GValue.BlobType, "exif-data", CameraExif());
            image.Set(GValue.GIntType, "orientation", 6);
            image.Set(GValue.BlobType, "xmp-data", System.Text.Encoding.UTF8.GetBytes(Xmp));
            if (format == "jpg")
                image.Set(GValue.BlobType, "iptc-data", IptcByline("Alice Artist"));
        });
        var file = tagged.WriteToBuffer("." + format);
        using var check = Image.NewFromBuffer(file);
        check.GetFields().ShouldContain("exif-ifd3-GPSLatitude");
        check.GetFields().ShouldContain("xmp-data");
        ((string)check.Get("exif-ifd0-Make")).ShouldStartWith("TestCam");
        ((int)check.Get("orientation")).ShouldBe(6);
        return Task.FromResult(file);
    }

    private const string Xmp = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/"
        exif:GPSLatitude="48,51.498N" exif:GPSLongitude="2,17.67E">
        <dc:creator><rdf:Seq><rdf:li>Alice Artist</rdf:li></rdf:Seq></dc:creator>
        </rdf:Description></rdf:RDF></x:xmpmeta>
        """;

    /// <summary>EXIF as a camera writes it: a little-endian TIFF block, IFD0 (maker, model, orientation, artist) and a GPS IFD.</summary>
    private static byte[] CameraExif()
    {
        static byte[] Ascii(string text) => [.. System.Text.Encoding.ASCII.GetBytes(text), 0];
        static byte[] Rationals(params (uint, uint)[] values) =>
            [.. values.SelectMany(v => BitConverter.GetBytes(v.Item1).Concat(BitConverter.GetBytes(v.Item2)))];
        const ushort ascii = 2,
            shortType = 3,
            longType = 4,
            rational = 5,
            byteType = 1;
        var gps = new List<(ushort, ushort, byte[])>
        {
            (0x0000, byteType, [2, 3, 0, 0]),
            (0x0001, ascii, Ascii("N")),
            (0x0002, rational, Rationals((48, 1), (51, 1), (2988, 100))),
            (0x0003, ascii, Ascii("E")),
            (0x0004, rational, Rationals((2, 1), (17, 1), (4020, 100))),
        };
        List<(ushort, ushort, byte[])> Ifd0(uint gpsOffset) =>
            [
                (0x010F, ascii, Ascii("TestCam")),
                (0x0110, ascii, Ascii("TestCam Z9")),
                (0x0112, shortType, BitConverter.GetBytes((ushort)6)),
                (0x013B, ascii, Ascii("Alice Artist")),
                (0x8825, longType, BitConverter.GetBytes(gpsOffset)),
            ];
        var ifd0Length = IfdBytes(Ifd0(0), 8).Length;
        var gpsOffset = (uint)(8 + ifd0Length);
        return
        [
            .. "Exif\0\0"u8,
            .. "II*\0"u8,
            .. BitConverter.GetBytes(8u),
            .. IfdBytes(Ifd0(gpsOffset), 8),
            .. IfdBytes(gps, gpsOffset),
        ];
    }

    /// <summary>One IFD at <paramref name="offset"/> of the TIFF block: its entries, then the values longer than 4 bytes.</summary>
    private static byte[] IfdBytes(List<(ushort Tag, ushort Type, byte[] Value)> entries, uint offset)
    {
        var sizes = new Dictionary<ushort, int>
        {
            [1] = 1,
            [2] = 1,
            [3] = 2,
            [4] = 4,
            [5] = 8,
        };
        var table = new List<byte>(BitConverter.GetBytes((ushort)entries.Count));
        var data = new List<byte>();
        var dataStart = offset + 2 + 12 * (uint)entries.Count + 4;
        foreach (var (tag, type, value) in entries)
        {
            table.AddRange(BitConverter.GetBytes(tag));
            table.AddRange(BitConverter.GetBytes(type));
            table.AddRange(BitConverter.GetBytes((uint)(value.Length / sizes[type])));
            if (value.Length <= 4)
                table.AddRange(value.Concat(new byte[4 - value.Length]));
            else
            {
                table.AddRange(BitConverter.GetBytes(dataStart + (uint)data.Count));
                data.AddRange(value);
                if (data.Count % 2 == 1)
                    data.Add(0);
            }
        }
        table.AddRange(BitConverter.GetBytes(0u)); // no next IFD
        return [.. table, .. data];
    }

    /// <summary>An IPTC-IIM by-line (2:80) in a Photoshop image resource, as JPEG's APP13 carries it.</summary>
    private static byte[] IptcByline(string name)
    {
        var text = System.Text.Encoding.ASCII.GetBytes(name);
        byte[] iim = [0x1C, 2, 80, (byte)(text.Length >> 8), (byte)text.Length, .. text];
        var length = BitConverter.GetBytes((uint)iim.Length);
        if (BitConverter.IsLittleEndian)
            Array.Reverse(length);
        return
        [
            .. "Photoshop 3.0\0"u8,
            .. "8BIM"u8,
            0x04,
            0x04,
            0,
            0,
            .. length,
            .. iim,
            .. iim.Length % 2 == 1 ? new byte[] { 0 } : [],
        ];
    }

    public static byte[] ProfileOf(byte[] file)
    {
        using var image = Image.NewFromBuffer(file);
        return (byte[])image.Get("icc-profile-data");
    }
}
