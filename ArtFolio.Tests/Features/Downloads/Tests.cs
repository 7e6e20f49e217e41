using System.Net;
using ArtFolio.Features.Downloads;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Downloads;

using Delete = ArtFolio.Features.Artworks.Delete;
using List = ArtFolio.Features.Downloads.List;
using Record = ArtFolio.Features.Downloads.Record;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Records_downloads_and_lists_them_newest_first(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var first = await alice.CreateArtworkAsync("First");
        var second = await alice.CreateArtworkAsync("Second");

        var (recorded, download) = await bob.Client.POSTAsync<Record.Endpoint, Record.Request, DownloadResponse>(
            new() { Id = first.Id }
        );
        await bob.Client.POSTAsync<Record.Endpoint, Record.Request>(new() { Id = second.Id });
        await bob.Client.POSTAsync<Record.Endpoint, Record.Request>(new() { Id = first.Id });
        var (_, page) = await bob.Client.GETAsync<List.Endpoint, List.Query, Page<List.DownloadItem>>(new());
        var (_, alices) = await alice.Client.GETAsync<List.Endpoint, List.Query, Page<List.DownloadItem>>(new());

        recorded.StatusCode.ShouldBe(HttpStatusCode.Created);
        download!.ArtworkId.ShouldBe(first.Id);
        download.DownloadUrl.ShouldBe(first.ImageUrl);
        (await app.Anonymous.GetAsync(download.DownloadUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        page!.Items.Select(d => d.ArtworkId).ShouldBe([first.Id, second.Id, first.Id]);
        page.Items[1].Artwork!.Title.ShouldBe("Second");
        alices!.Items.ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task A_deleted_artwork_leaves_the_list_and_unknown_ones_are_404(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await alice.CreateArtworkAsync();
        await bob.Client.POSTAsync<Record.Endpoint, Record.Request>(new() { Id = artwork.Id });

        await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = artwork.Id });
        var (_, page) = await bob.Client.GETAsync<List.Endpoint, List.Query, Page<List.DownloadItem>>(new());

        page!.Items.ShouldBeEmpty();
        (await bob.Client.POSTAsync<Record.Endpoint, Record.Request>(new() { Id = artwork.Id })).StatusCode.ShouldBe(
            HttpStatusCode.NotFound
        );
        (await app.Anonymous.POSTAsync<Record.Endpoint, Record.Request>(new() { Id = artwork.Id })).StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized
        );
    }
}
