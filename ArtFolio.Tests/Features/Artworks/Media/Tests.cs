using System.Net;
using ArtFolio.Tests.Infrastructure;

namespace ArtFolio.Tests.Features.Artworks.Media;

/// <summary>Local media as browsers get it from /media.</summary>
public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Is_served_with_its_type_nosniff_long_caching_and_an_etag(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();

        var response = await app.Anonymous.GetAsync(artwork.ImageUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp"); // the widest rendition
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.CacheControl!.Public.ShouldBeTrue();
        response.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        response.Headers.ETag.ShouldNotBeNull();
        using (var served = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync()))
            (served.Width, served.Height).ShouldBe((artwork.Images[^1].Width, artwork.Images[^1].Height));

        var again = new HttpRequestMessage(HttpMethod.Get, artwork.ImageUrl);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        (await app.Anonymous.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [AllDatabases("/media/.incoming/anything.part")]
    [AllDatabases("/media/../artfolio.db")]
    [AllDatabases("/media/artworks/nothing-here.png")]
    public async Task Serves_nothing_but_stored_media(Db db, string path)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
