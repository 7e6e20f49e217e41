using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace ArtFolio.Tests.Features.Artworks.Media;

using Me = ArtFolio.Features.Users.Me;
using Original = ArtFolio.Features.Artworks.Original;
using Profile = ArtFolio.Features.Users.Profile;
using SetAvatar = ArtFolio.Features.Users.SetAvatar;

/// <summary>
/// Images as a page gets them (renditions decoded back with libvips, the placeholder, the colour) and
/// the original as only its artist gets it (a signed link that expires and cannot be altered).
/// </summary>
public sealed class RenditionTests
{
    /// <summary>A picture of one colour, as PNG.</summary>
    private static byte[] Solid(int width, int height, double[] rgb)
    {
        using var black = Image.Black(width, height);
        using var colour = black.NewFromImage(rgb);
        using var srgb = colour.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.PngsaveBuffer();
    }

    private static async Task<ArtworkResponse> UploadAsync(
        TestUser artist,
        byte[] image,
        string title = "Lantern over the harbor"
    )
    {
        var (response, artwork) = await artist.Client.UploadAsync(image, ("title", title), ("category", "Painting"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return artwork!;
    }

    [Theory, AllDatabases]
    public async Task An_image_is_published_as_webp_renditions_never_wider_than_itself(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");

        var wide = await UploadAsync(alice, Solid(3000, 1000, [200, 40, 40]));
        var small = await UploadAsync(alice, Solid(300, 200, [20, 60, 220]));

        wide.Images.Select(i => (i.Width, i.Height)).ShouldBe([(480, 160), (960, 320), (1600, 533), (2400, 800)]);
        small.Images.Select(i => (i.Width, i.Height)).ShouldBe([(300, 200)]); // never enlarged
        wide.ImageUrl.ShouldBe(wide.Images[^1].Url);
        (wide.Width, wide.Height).ShouldBe((3000, 1000)); // the original's size
        foreach (var image in wide.Images.Concat(small.Images))
        {
            using var response = await app.Anonymous.GetAsync(image.Url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, image.Url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
            response.Headers.CacheControl!.ToString().ShouldContain("immutable");
            using var served = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            ((string)served.Get("vips-loader")).ShouldStartWith("webpload");
            (served.Width, served.Height).ShouldBe((image.Width, image.Height), image.Url);
            image.Type.ShouldBe("image/webp");
        }

        wide.DominantColor.ShouldBe("#c82828");
        small.DominantColor.ShouldBe("#143cdc");
        wide.Placeholder.ShouldStartWith("data:image/webp;base64,");
        var placeholder = Convert.FromBase64String(wide.Placeholder!["data:image/webp;base64,".Length..]);
        placeholder.Length.ShouldBeLessThan(1024);
        using var tiny = Image.NewFromBuffer(placeholder);
        (tiny.Width, tiny.Height).ShouldBe((16, 5));
        // The thumbnail stays: 400 on its longer side.
        using var thumbnail = Image.NewFromBuffer(await app.Anonymous.GetByteArrayAsync(wide.ThumbnailUrl));
        thumbnail.Width.ShouldBe(400);
    }

    [Theory, AllDatabases]
    public async Task The_original_is_its_artists_alone_through_a_link_that_expires_and_cannot_be_altered(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await UploadAsync(alice, Solid(3000, 2000, [90, 120, 30]), "Lantern over the harbor!");
        var route = $"/api/v1/artworks/{artwork.Id}/original";

        (await app.Anonymous.GetAsync(route)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var refused = await bob.Client.GetAsync(route);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await alice.Client.GetAsync($"/api/v1/artworks/{Guid.NewGuid()}/original")).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );

        var (response, link) = await alice.Client.GETAsync<Original.Endpoint, Original.Request, Original.Response>(
            new() { Id = artwork.Id }
        );
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        link.FileName.ShouldBe("lantern-over-the-harbor.png");
        (link.ContentType, link.Width, link.Height).ShouldBe(("image/png", 3000, 2000));
        link.ExpiresAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5), TimeSpan.FromSeconds(2));

        // The link needs no token, and gives the full-resolution file as an attachment.
        using (var download = await app.Anonymous.GetAsync(link.Url))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.FileName.ShouldBe("lantern-over-the-harbor.png");
            download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            download.Headers.CacheControl!.Private.ShouldBeTrue();
            using var original = Image.NewFromBuffer(await download.Content.ReadAsByteArrayAsync());
            (original.Width, original.Height).ShouldBe((3000, 2000));
        }
        using (var range = new HttpRequestMessage(HttpMethod.Get, link.Url))
        {
            range.Headers.Range = new RangeHeaderValue(0, 99);
            using var partial = await app.Anonymous.SendAsync(range);
            partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
            (await partial.Content.ReadAsByteArrayAsync()).Length.ShouldBe(100);
        }

        // Nothing public names the original, nor serves it from the public media folder.
        var key = await app.QueryAsync(d =>
            d.Artworks.Where(a => a.Id == artwork.Id).Select(a => a.MediaKey).SingleAsync()
        );
        key.ShouldStartWith("private/");
        app.MediaFiles().ShouldNotContain(f => f.EndsWith(Path.GetFileName(key), StringComparison.Ordinal));
        (await app.Anonymous.GetAsync($"/media/{key}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous.GetAsync($"/media/{key["private/".Length..]}")).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );

        // Altered in any part, or late, the link is refused.
        var tampered = new[]
        {
            link.Url.Replace("signature=", "signature=A", StringComparison.Ordinal),
            link.Url.Replace("name=lantern", "name=latern", StringComparison.Ordinal),
            link.Url.Replace("expires=", "expires=9", StringComparison.Ordinal),
            link.Url.Replace(".png?", ".jpg?", StringComparison.Ordinal),
            link.Url[..link.Url.IndexOf("&signature", StringComparison.Ordinal)],
        };
        foreach (var url in tampered)
            (await app.Anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        var expired = await app.Anonymous.GetAsync(link.Url);
        expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("expired");
    }

    [Theory, AllDatabases]
    public async Task A_video_keeps_its_public_file_and_its_artist_gets_a_seekable_link(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var (response, video) = await alice.Client.UploadAsync(
            TestMedia.Mp4(),
            ("title", "Tide"),
            ("category", "Video")
        );
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        video!.Images.ShouldBeEmpty();
        (video.Placeholder, video.DominantColor).ShouldBe((null, null));
        (await app.Anonymous.GetAsync(video.ImageUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, link) = await alice.Client.GETAsync<Original.Endpoint, Original.Request, Original.Response>(
            new() { Id = video.Id }
        );
        link.FileName.ShouldBe("tide.mp4");
        using var range = new HttpRequestMessage(HttpMethod.Get, link.Url);
        range.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await app.Anonymous.SendAsync(range);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.ToString().ShouldStartWith("bytes 100-199/");
    }

    [Theory, AllDatabases]
    public async Task An_avatar_gets_renditions_at_its_sizes_and_its_original_is_kept_private(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");

        var (response, me) = await alice.Client.SendRawAsync<SetAvatar.Endpoint, Me.Response>(
            TestMedia.Form(Solid(1000, 800, [250, 200, 0]), [], fileField: "image")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        me!.AvatarImages.Select(i => (i.Width, i.Height)).ShouldBe([(96, 77), (192, 154), (400, 320)]);
        foreach (var image in me.AvatarImages)
        {
            using var served = Image.NewFromBuffer(await app.Anonymous.GetByteArrayAsync(image.Url));
            (served.Width, served.Height).ShouldBe((image.Width, image.Height), image.Url);
        }
        (await app.Anonymous.GetAsync(me.AvatarUrl)).StatusCode.ShouldBe(HttpStatusCode.OK); // badges keep theirs
        var profile = await app.Anonymous.GetFromJsonAsync<Profile.Response>($"/api/v1/users/{alice.Username}");
        profile!.AvatarImages.ShouldBe(me.AvatarImages);
        var key = await app.QueryAsync(d =>
            d.Users.Where(u => u.Id == alice.Id).Select(u => u.AvatarKey).SingleAsync()
        );
        key.ShouldStartWith("private/avatars/");
        app.PrivateMediaFiles().ShouldContain(key!["private/".Length..]);

        // Removed, it leaves nothing behind: original, thumbnail or rendition.
        (await alice.Client.DeleteAsync("/api/v1/users/me/avatar")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        app.MediaFiles().ShouldBeEmpty();
        app.PrivateMediaFiles().ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task The_one_time_job_gives_images_stored_before_their_renditions_and_hides_their_originals(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Media:CleanStoredMedia"] = "false" }
        );
        var alice = await app.CreateUserAsync("alice");
        var artwork = await UploadAsync(alice, Solid(1200, 900, [10, 200, 10]));
        var oldUrl = await StoreTheOldWayAsync(app, artwork.Id, Solid(1200, 900, [10, 200, 10]));
        // An avatar as an older release stored it: public, no renditions.
        var oldAvatarKey = await StoreAvatarTheOldWayAsync(app, alice.Id, Solid(300, 300, [0, 0, 0]));
        (await app.Anonymous.GetAsync(oldUrl)).StatusCode.ShouldBe(HttpStatusCode.OK); // as before: public

        var job = app.Services.GetRequiredService<StoredMediaCleaning>();
        var batches = 0;
        while (
            await job.RunBatchAsync(StoredMediaCleaning.RenditionsJobName, CancellationToken.None)
            != StoredMediaCleaning.BatchResult.Done
        )
            batches++.ShouldBeLessThan(5);

        var after = await app.Anonymous.GETAsync<
            ArtFolio.Features.Artworks.Get.Endpoint,
            ArtFolio.Features.Artworks.Get.Request,
            ArtworkResponse
        >(new() { Id = artwork.Id });
        after.Result.Images.Select(i => i.Width).ShouldBe([480, 960, 1200]);
        after.Result.DominantColor.ShouldBe("#0ac80a");
        after.Result.ImageUrl.ShouldBe(after.Result.Images[^1].Url);
        (await app.Anonymous.GetAsync(oldUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // the old public original is gone
        var (_, link) = await alice.Client.GETAsync<Original.Endpoint, Original.Request, Original.Response>(
            new() { Id = artwork.Id }
        );
        using var original = Image.NewFromBuffer(await app.Anonymous.GetByteArrayAsync(link.Url));
        (original.Width, original.Height).ShouldBe((1200, 900));
        var done = await app.QueryAsync(d =>
            d.MaintenanceJobs.SingleAsync(j => j.Name == StoredMediaCleaning.RenditionsJobName)
        );
        (done.Processed, done.Failed, done.CompletedAt is null).ShouldBe((2, 0, false));
        var avatar = await app.QueryAsync(d => d.Users.SingleAsync(u => u.Id == alice.Id));
        avatar.AvatarKey.ShouldStartWith("private/avatars/");
        avatar.AvatarRenditions.Select(r => r.Width).ShouldBe([96, 192, 300]);
        (await app.Anonymous.GetAsync("/media/" + oldAvatarKey)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Gives a user an avatar as an older release stored it: public, no renditions. Returns its key.</summary>
    internal static async Task<string> StoreAvatarTheOldWayAsync(
        TestApp app,
        Guid userId,
        byte[] picture,
        string extension = ".png"
    )
    {
        var key = $"avatars/{Guid.NewGuid():N}{extension}";
        Directory.CreateDirectory(Path.Combine(app.MediaRoot, "avatars"));
        await File.WriteAllBytesAsync(Path.Combine(app.MediaRoot, key), picture);
        await app.ExecuteAsync(d =>
            d.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(u => u.AvatarKey, key)
                        .SetProperty(u => u.AvatarThumbnailKey, (string?)null)
                        .SetProperty(u => u.AvatarUrl, "/media/" + key)
                        .SetProperty(u => u.AvatarRenditions, [])
                )
        );
        return key;
    }

    /// <summary>The file a store key names: a private original's under the private folder.</summary>
    internal static string FileOf(TestApp app, string key) =>
        key.StartsWith("private/", StringComparison.Ordinal)
            ? Path.Combine(app.PrivateMediaRoot, key["private/".Length..])
            : Path.Combine(app.MediaRoot, key);

    /// <summary>Makes an artwork look as an older release stored it: its original public, no renditions or preview.</summary>
    internal static async Task<string> StoreTheOldWayAsync(
        TestApp app,
        Guid id,
        byte[] original,
        string extension = ".png"
    )
    {
        var key = $"artworks/{Guid.NewGuid():N}{extension}";
        await File.WriteAllBytesAsync(Path.Combine(app.MediaRoot, key), original);
        var url = $"/media/{key}";
        await app.ExecuteAsync(d =>
            d.Artworks.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(a => a.MediaKey, key)
                        .SetProperty(a => a.ImageUrl, url)
                        .SetProperty(a => a.Placeholder, (string?)null)
                        .SetProperty(a => a.DominantColor, (string?)null)
                        .SetProperty(a => a.Renditions, [])
                )
        );
        return url;
    }
}
