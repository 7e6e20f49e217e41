using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Likes;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Likes;

using Get = ArtFolio.Features.Artworks.Get;
using Like = ArtFolio.Features.Likes.Like;
using Unlike = ArtFolio.Features.Likes.Unlike;

public sealed class Tests
{
    private static async Task<(HttpStatusCode, LikeResponse?)> LikeAsync(HttpClient client, Guid id, bool like = true)
    {
        var response = like
            ? await client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = id })
            : await client.DELETEAsync<Unlike.Endpoint, Unlike.Request>(new() { Id = id });
        return (
            response.StatusCode,
            response.IsSuccessStatusCode
                ? await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<LikeResponse>(
                    response.Content,
                    TestHttp.Json
                )
                : null
        );
    }

    [Theory, AllDatabases]
    public async Task Liking_and_unliking_are_idempotent_and_show_in_likedByMe(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await alice.CreateArtworkAsync();

        (await LikeAsync(bob.Client, artwork.Id)).ShouldBe((HttpStatusCode.OK, new LikeResponse(true, 1)));
        (await LikeAsync(bob.Client, artwork.Id)).ShouldBe((HttpStatusCode.OK, new LikeResponse(true, 1)));
        var (_, asBob) = await bob.Client.GETAsync<Get.Endpoint, Get.Request, ArtworkResponse>(
            new() { Id = artwork.Id }
        );
        var (_, asAlice) = await alice.Client.GETAsync<Get.Endpoint, Get.Request, ArtworkResponse>(
            new() { Id = artwork.Id }
        );
        var anonymous = await app.Anonymous.GetStringAsync(TestHttp.UrlOf<Get.Endpoint>(new { artwork.Id }));
        (await LikeAsync(bob.Client, artwork.Id, like: false)).ShouldBe(
            (HttpStatusCode.OK, new LikeResponse(false, 0))
        );
        (await LikeAsync(bob.Client, artwork.Id, like: false)).ShouldBe(
            (HttpStatusCode.OK, new LikeResponse(false, 0))
        );

        (asBob!.LikedByMe, asBob.LikeCount).ShouldBe((true, 1));
        asAlice!.LikedByMe.ShouldBe(false);
        anonymous.ShouldNotContain("likedByMe");
        (await app.QueryAsync(d => d.Likes.CountAsync(l => l.ArtworkId == artwork.Id))).ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task The_counter_stays_exact_under_racing_likes_and_unlikes(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();
        var fans = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.CreateUserAsync($"fan{i}")));

        // Each fan likes twice, unlikes, and likes again, all at once: 8 likes must remain.
        await Task.WhenAll(
            fans.Select(async fan =>
            {
                await Task.WhenAll(LikeAsync(fan.Client, artwork.Id), LikeAsync(fan.Client, artwork.Id));
                await LikeAsync(fan.Client, artwork.Id, like: false);
                await Task.WhenAll(
                    LikeAsync(fan.Client, artwork.Id),
                    LikeAsync(fan.Client, artwork.Id, like: false),
                    LikeAsync(fan.Client, artwork.Id)
                );
            })
        );

        var (counter, rows) = await app.QueryAsync(async d =>
            (
                await d.Artworks.Where(a => a.Id == artwork.Id).Select(a => a.LikeCount).SingleAsync(),
                await d.Likes.CountAsync(l => l.ArtworkId == artwork.Id)
            )
        );
        counter.ShouldBe(rows);
    }

    [Theory]
    [AllDatabases(true)]
    [AllDatabases(false)]
    public async Task An_unknown_artwork_is_404_and_no_token_is_401(Db db, bool like)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();

        (await LikeAsync(alice.Client, Guid.CreateVersion7(), like)).Item1.ShouldBe(HttpStatusCode.NotFound);
        (await LikeAsync(app.Anonymous, artwork.Id, like)).Item1.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
