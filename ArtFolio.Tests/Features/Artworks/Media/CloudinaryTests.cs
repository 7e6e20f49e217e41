using System.Net;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Artworks.Media;

using Delete = ArtFolio.Features.Artworks.Delete;
using Original = ArtFolio.Features.Artworks.Original;
using Status = ArtFolio.Features.Operations.Status;

/// <summary>The API with Media:Provider=Cloudinary, against a fake Cloudinary that checks signatures.</summary>
public sealed class CloudinaryTests
{
    private static async Task<(TestApp App, FakeCloudinary Cloudinary)> StartAsync(Db db)
    {
        var cloudinary = await FakeCloudinary.StartAsync();
        var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Media:Provider"] = "Cloudinary",
                ["Cloudinary:Url"] = cloudinary.CloudinaryUrl,
                ["Cloudinary:ApiBaseUrl"] = cloudinary.BaseUrl,
            }
        );
        return (app, cloudinary);
    }

    [Theory, AllDatabases]
    public async Task Uploads_with_a_valid_signature_and_serves_delivery_urls(Db db)
    {
        var (app, cloudinary) = await StartAsync(db);
        await using var _ = app;
        await using var __ = cloudinary;
        var alice = await app.CreateUserAsync("alice");
        var png = TestMedia.Png(300, 200);

        var (response, artwork) = await alice.Client.UploadAsync(png, ("title", "Cloudy"), ("category", "sky"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        cloudinary.RejectedSignatures.ShouldBe(0);
        var (publicId, stored) = cloudinary.Stored.Single();
        // What Cloudinary receives is the cleaned file: the same picture, pixel for pixel, and no metadata.
        TaggedPhotos.AssertClean(stored, "uploaded to Cloudinary");
        using (var sent = NetVips.Image.NewFromBuffer(png))
        using (var received = NetVips.Image.NewFromBuffer(stored))
        {
            (received.Width, received.Height).ShouldBe((300, 200));
            received.WriteToMemory<byte>().SequenceEqual(sent.WriteToMemory<byte>()).ShouldBeTrue("the pixels changed");
        }
        publicId.ShouldStartWith("artfolio/artworks/");
        cloudinary.Types[publicId].ShouldBe("authenticated"); // delivered only through signed URLs
        // Renditions and the thumbnail are signed transformations of the one asset: nothing stored twice.
        artwork!.Images.Select(i => (i.Width, i.Height, i.Type)).ShouldBe([(300, 200, "image/webp")]);
        artwork.ImageUrl.ShouldBe(artwork.Images[^1].Url);
        FakeCloudinary.IsSignedDelivery(artwork.ImageUrl, out var transformation).ShouldBeTrue(artwork.ImageUrl);
        transformation.ShouldBe("c_limit,w_300,f_webp,q_auto");
        artwork.ImageUrl.ShouldEndWith($"/{publicId}");
        FakeCloudinary.IsSignedDelivery(artwork.ThumbnailUrl, out var thumbnail).ShouldBeTrue(artwork.ThumbnailUrl);
        thumbnail.ShouldBe("c_fill,w_400,h_400,q_auto,f_auto");
        FakeCloudinary
            .IsSignedDelivery(artwork.ImageUrl.Replace("w_300", "w_3000"), out var altered)
            .ShouldBeFalse(altered);
        artwork.Placeholder.ShouldStartWith("data:image/webp;base64,");
        artwork.DominantColor!.ShouldMatch("^#[0-9a-f]{6}$");
        (artwork.Width, artwork.Height).ShouldBe((300, 200));
        app.MediaFiles().ShouldBeEmpty(); // the temporary file went to Cloudinary and was removed
    }

    [Theory, AllDatabases]
    public async Task The_original_is_a_private_download_url_that_expires(Db db)
    {
        var (app, cloudinary) = await StartAsync(db);
        await using var _ = app;
        await using var __ = cloudinary;
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await alice.CreateArtworkAsync("Cloudy");
        var publicId = cloudinary.Stored.Keys.Single();
        var route = $"/api/v1/artworks/{artwork.Id}/original";

        (await bob.Client.GetAsync(route)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (response, link) = await alice.Client.GETAsync<Original.Endpoint, Original.Request, Original.Response>(
            new() { Id = artwork.Id }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        link.Url.ShouldStartWith($"{cloudinary.BaseUrl}/v1_1/{FakeCloudinary.CloudName}/image/download?");
        using var http = new HttpClient();
        (await http.GetByteArrayAsync(link.Url)).ShouldBe(cloudinary.Stored[publicId]);
        (await http.GetAsync(link.Url.Replace("expires_at=", "expires_at=9"))).StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized
        );
        // A link made ten minutes ago has expired at Cloudinary.
        app.Clock.Advance(TimeSpan.FromMinutes(-10));
        var (_, old) = await alice.Client.GETAsync<Original.Endpoint, Original.Request, Original.Response>(
            new() { Id = artwork.Id }
        );
        (await http.GetAsync(old.Url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        cloudinary.RejectedSignatures.ShouldBe(1); // the altered link; the expired one was signed right

        // Deleting destroys the authenticated asset (found under its own type).
        (
            await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = artwork.Id })
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        cloudinary.Stored.ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task A_video_goes_to_the_video_endpoint_and_its_thumbnail_is_a_frame(Db db)
    {
        var (app, cloudinary) = await StartAsync(db);
        await using var _ = app;
        await using var __ = cloudinary;
        var alice = await app.CreateUserAsync("alice");

        var (response, artwork) = await alice.Client.UploadAsync(
            TestMedia.Mp4(),
            ("title", "Clip"),
            ("category", "film")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        artwork!.ImageUrl.ShouldContain("/video/upload/");
        artwork.ThumbnailUrl.ShouldContain("/video/upload/so_0,c_fill,w_400,h_400,q_auto,f_auto/");
        artwork.ThumbnailUrl.ShouldEndWith(".jpg");
    }

    [Theory, AllDatabases]
    public async Task Deleting_the_artwork_destroys_the_stored_file_with_a_signed_call(Db db)
    {
        var (app, cloudinary) = await StartAsync(db);
        await using var _ = app;
        await using var __ = cloudinary;
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();
        var publicId = cloudinary.Stored.Keys.Single();

        var response = await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = artwork.Id });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        cloudinary.Destroyed.ShouldBe([publicId]);
        cloudinary.Stored.ShouldBeEmpty();
        cloudinary.RejectedSignatures.ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task When_cloudinary_fails_the_client_gets_502_and_no_artwork_exists(Db db)
    {
        var (app, cloudinary) = await StartAsync(db);
        await using var _ = app;
        await using var __ = cloudinary;
        var alice = await app.CreateUserAsync("alice");
        cloudinary.FailUploads = true;

        var (response, _) = await alice.Client.UploadAsync(TestMedia.Png(), ("title", "x"), ("category", "y"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.ReadProblemAsync()).Detail!.ShouldContain("nothing was saved");
        (await app.QueryAsync(d => d.Artworks.CountAsync(a => a.ArtistId == alice.Id))).ShouldBe(0);
        app.MediaFiles().ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task A_wrong_secret_is_refused_by_cloudinary_and_reported_as_502(Db db)
    {
        var cloudinary = await FakeCloudinary.StartAsync();
        await using var __ = cloudinary;
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Media:Provider"] = "Cloudinary",
                ["Cloudinary:Url"] = $"cloudinary://{FakeCloudinary.ApiKey}:wrong-secret@{FakeCloudinary.CloudName}",
                ["Cloudinary:ApiBaseUrl"] = cloudinary.BaseUrl,
            }
        );
        var alice = await app.CreateUserAsync("alice");

        var (response, _) = await alice.Client.UploadAsync(TestMedia.Png(), ("title", "x"), ("category", "y"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        cloudinary.RejectedSignatures.ShouldBe(1);
        var (status, body) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
        body!.Services["media"].Status.ShouldBe(Status.Endpoint.Degraded);
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task Status_probes_cloudinary_at_most_once_per_period_whatever_the_request_rate(Db db)
    {
        var (app, cloudinary) = await StartAsync(db);
        await using var _ = app;
        await using var __ = cloudinary;

        var burst = await Task.WhenAll(
            Enumerable.Range(0, 50).Select(_ => app.Anonymous.GETAsync<Status.Endpoint, Status.Response>())
        );
        for (var i = 0; i < 10; i++)
            (await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>())
                .Result!.Services["media"]
                .Status.ShouldBe(Status.Endpoint.Ok);

        burst.ShouldAllBe(r => r.Response.StatusCode == HttpStatusCode.OK);
        burst.ShouldAllBe(r => r.Result!.Services["media"].Status == Status.Endpoint.Ok);
        cloudinary.Pings.ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromSeconds(6)); // past Status:CacheDuration
        await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => app.Anonymous.GETAsync<Status.Endpoint, Status.Response>())
        );
        cloudinary.Pings.ShouldBe(2);
    }

    [Fact]
    public void The_signature_matches_cloudinarys_documented_example()
    {
        // From Cloudinary's "Generating authentication signatures" page.
        var signature = CloudinaryMediaStore.Signature(
            [
                new("eager", "w_400,h_300,c_pad|w_260,h_200,c_crop"),
                new("public_id", "sample_image"),
                new("timestamp", "1315060510"),
                new("file", "ignored"),
                new("api_key", "ignored"),
            ],
            "abcd"
        );

        signature.ShouldBe("bfd09f95f331f558cbd1320e67aa8d488770583e");
    }

    [Theory]
    [InlineData("cloudinary://key:secret@cloud", "key", "secret", "cloud")]
    [InlineData("cloudinary://123:a%2Fb@my-cloud", "123", "a/b", "my-cloud")]
    public void Reads_the_cloudinary_url(string url, string key, string secret, string cloud) =>
        CloudinaryAccount.Parse(url).ShouldBe(new CloudinaryAccount(key, secret, cloud));

    [Theory]
    [InlineData("https://key:secret@cloud")]
    [InlineData("cloudinary://key@cloud")]
    [InlineData("cloudinary://:secret@cloud")]
    public void Refuses_a_malformed_cloudinary_url(string url) =>
        Should.Throw<InvalidOperationException>(() => CloudinaryAccount.Parse(url));
}
