using System.Net;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Artworks.Delete;

using Delete = ArtFolio.Features.Artworks.Delete;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task The_artist_deletes_the_artwork_its_tags_and_its_files(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var created = await alice.CreateArtworkAsync("Doomed", tags: "a,b");
        var keep = await alice.CreateArtworkAsync("Kept");
        var filesBefore = app.MediaFiles();

        var response = await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = created.Id });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.QueryAsync(d => d.Artworks.AnyAsync(a => a.Id == created.Id))).ShouldBeFalse();
        (await app.QueryAsync(d => d.ArtworkTags.AnyAsync(t => t.ArtworkId == created.Id))).ShouldBeFalse();
        var name = Path.GetFileNameWithoutExtension(created.ImageUrl);
        filesBefore.ShouldContain(f => f.Contains(name));
        app.MediaFiles().ShouldNotContain(f => f.Contains(name));
        app.MediaFiles().ShouldContain(f => f.Contains(Path.GetFileNameWithoutExtension(keep.ImageUrl)));
        (await app.Anonymous.GetAsync(created.ImageUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, AllDatabases]
    public async Task Someone_else_gets_403_and_the_artwork_stays(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var mallory = await app.CreateUserAsync("mallory");
        var created = await alice.CreateArtworkAsync();

        var response = await mallory.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = created.Id });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(d => d.Artworks.AnyAsync(a => a.Id == created.Id))).ShouldBeTrue();
        (await app.Anonymous.GetAsync(created.ImageUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task Twice_is_404_the_second_time(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var created = await alice.CreateArtworkAsync();

        (
            await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = created.Id })
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (
            await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = created.Id })
        ).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (
            await app.Anonymous.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = created.Id })
        ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
