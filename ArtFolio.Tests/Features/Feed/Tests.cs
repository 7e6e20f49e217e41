using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Feed;

using Follow = ArtFolio.Features.Follows.Follow;
using Get = ArtFolio.Features.Feed.Get;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Shows_followed_artists_work_newest_first_and_nothing_else(Db db)
    {
        var app = await TestApp.For(db);
        var reader = await app.CreateUserAsync("reader");
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var stranger = await app.CreateUserAsync("stranger");
        await reader.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = alice.Username });
        await reader.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = bob.Username });
        var expected = new List<Guid>();
        foreach (var artist in new[] { alice, bob, alice, stranger, bob })
        {
            var artwork = await artist.CreateArtworkAsync();
            if (artist != stranger)
                expected.Insert(0, artwork.Id);
        }

        var seen = new List<ArtworkResponse>();
        string? cursor = null;
        do
        {
            var (response, page) = await reader.Client.SendRawAsync<Get.Endpoint, Page<ArtworkResponse>>(
                query: cursor is null ? "limit=2" : $"limit=2&cursor={cursor}"
            );
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            seen.AddRange(page!.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);

        seen.Select(a => a.Id).ShouldBe(expected);
        seen.ShouldAllBe(a => a.LikedByMe == false);
    }

    [Theory, AllDatabases]
    public async Task Is_empty_for_someone_who_follows_nobody_and_401_without_a_token(Db db)
    {
        var app = await TestApp.For(db);
        var loner = await app.CreateUserAsync("loner");

        var (response, page) = await loner.Client.GETAsync<Get.Endpoint, Get.Query, Page<ArtworkResponse>>(new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page!.Items.ShouldBeEmpty();
        page.NextCursor.ShouldBeNull();
        (await app.Anonymous.GETAsync<Get.Endpoint, Get.Query>(new())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await loner.Client.GETAsync<Get.Endpoint, Get.Query>(new() { Cursor = "nonsense" })).StatusCode.ShouldBe(
            HttpStatusCode.BadRequest
        );
    }
}
