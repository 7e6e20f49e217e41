using System.Net;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Users.Profile;

using Profile = ArtFolio.Features.Users.Profile;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Shows_the_artist_with_their_newest_twelve_artworks(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var created = new List<Guid>();
        for (var i = 0; i < 13; i++)
            created.Add((await alice.CreateArtworkAsync($"Work {i}")).Id);

        var (response, profile) = await bob.Client.GETAsync<Profile.Endpoint, Profile.Request, Profile.Response>(
            new() { Username = alice.Username.ToUpperInvariant() }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        profile!.Username.ShouldBe(alice.Username);
        profile.DisplayName.ShouldBe("alice tester");
        profile.ArtworkCount.ShouldBe(13);
        profile.Artworks.Select(a => a.Id).ShouldBe(Enumerable.Reverse(created).Take(12));
        profile.IsMe.ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(alice.Email);
        var (_, own) = await alice.Client.GETAsync<Profile.Endpoint, Profile.Request, Profile.Response>(
            new() { Username = alice.Username }
        );
        own!.IsMe.ShouldBeTrue();
        own.Artworks.ShouldAllBe(a => a.IsOwner);
    }

    [Theory, AllDatabases]
    public async Task An_unknown_username_is_404(Db db)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.GETAsync<Profile.Endpoint, Profile.Request>(
            new() { Username = "no_such_user_here" }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Status.ShouldBe(404);
    }
}
