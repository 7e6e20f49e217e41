using System.Net;
using ArtFolio.Tests.Infrastructure;

namespace ArtFolio.Tests.Features.Artworks.Media;

/// <summary>Local media as browsers get it from /media.</summary>
public sealed class Tests
{
    [Fact]
    public async Task Is_served_with_its_type_nosniff_long_caching_and_an_etag()
    {
        var app = await TestApp.For(Db.Sqlite);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();

        var response = await app.Anonymous.GetAsync(artwork.ImageUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.CacheControl!.Public.ShouldBeTrue();
        response.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        response.Headers.ETag.ShouldNotBeNull();
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBe((int)artwork.Bytes);

        var again = new HttpRequestMessage(HttpMethod.Get, artwork.ImageUrl);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        (await app.Anonymous.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("/media/.incoming/anything.part")]
    [InlineData("/media/../artfolio.db")]
    [InlineData("/media/artworks/nothing-here.png")]
    public async Task Serves_nothing_but_stored_media(string path)
    {
        var app = await TestApp.For(Db.Sqlite);

        var response = await app.Anonymous.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
