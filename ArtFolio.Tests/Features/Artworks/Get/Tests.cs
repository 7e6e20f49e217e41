using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Artworks.Get;

using Get = ArtFolio.Features.Artworks.Get;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Anyone_can_read_an_artwork_and_only_its_artist_owns_it(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var created = await alice.CreateArtworkAsync("Sunrise", price: "5", tags: "sun");

        var (asAlice, mine) = await alice.Client.GETAsync<Get.Endpoint, Get.Request, ArtworkResponse>(
            new() { Id = created.Id }
        );
        var (asBob, theirs) = await bob.Client.GETAsync<Get.Endpoint, Get.Request, ArtworkResponse>(
            new() { Id = created.Id }
        );
        var (asNobody, anonymous) = await app.Anonymous.GETAsync<Get.Endpoint, Get.Request, ArtworkResponse>(
            new() { Id = created.Id }
        );

        (asAlice.StatusCode, asBob.StatusCode, asNobody.StatusCode).ShouldBe(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)
        );
        mine!.IsOwner.ShouldBeTrue();
        theirs!.IsOwner.ShouldBeFalse();
        anonymous!.IsOwner.ShouldBeFalse();
        System
            .Text.Json.JsonSerializer.Serialize(anonymous with { IsOwner = true, LikedByMe = false })
            .ShouldBe(System.Text.Json.JsonSerializer.Serialize(mine));
        anonymous.Id.ToString().ShouldBe(anonymous.Id.ToString().ToLowerInvariant());
    }

    [Theory]
    [AllDatabases("01a1fe85-0000-7000-8000-000000000000")]
    [AllDatabases("not-a-guid")]
    [AllDatabases("123")]
    public async Task An_unknown_or_malformed_id_is_404(Db db, string id)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.GetAsync($"/api/v1/artworks/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Status.ShouldBe(404);
    }
}
