using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Comments;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Comments;

using Create = ArtFolio.Features.Comments.Create;
using Delete = ArtFolio.Features.Comments.Delete;
using Get = ArtFolio.Features.Artworks.Get;
using List = ArtFolio.Features.Comments.List;
using Update = ArtFolio.Features.Comments.Update;

public sealed class Tests
{
    private static Task<TestResult<CommentResponse>> CommentAsync(TestUser user, Guid artworkId, string body) =>
        user.Client.POSTAsync<Create.Endpoint, Create.Request, CommentResponse>(new() { Id = artworkId, Body = body });

    [Theory, AllDatabases]
    public async Task A_conversation_grows_is_edited_and_pruned_with_an_exact_count(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var carol = await app.CreateUserAsync("carol");
        var artwork = await alice.CreateArtworkAsync();

        var (created, first) = await CommentAsync(bob, artwork.Id, "  Lovely light.  ");
        var (_, second) = await CommentAsync(carol, artwork.Id, "Agreed!");
        var (_, third) = await CommentAsync(alice, artwork.Id, "Thank you both");
        var (edited, changed) = await bob.Client.PUTAsync<Update.Endpoint, Update.Request, CommentResponse>(
            new()
            {
                Id = artwork.Id,
                CommentId = first!.Id,
                Body = "Lovely light, and that blue.",
            }
        );
        var byOwner = await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(
            new() { Id = artwork.Id, CommentId = second!.Id }
        );
        var byAuthor = await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(
            new() { Id = artwork.Id, CommentId = third!.Id }
        );
        var (_, page) = await carol.Client.GETAsync<List.Endpoint, List.Query, Page<CommentResponse>>(
            new() { Id = artwork.Id }
        );

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/artworks/{artwork.Id}/comments/{first.Id}");
        (first.Body, first.Author.Username, first.IsOwner).ShouldBe(("Lovely light.", bob.Username, true));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed!.Body.ShouldBe("Lovely light, and that blue.");
        changed.UpdatedAt.ShouldBeGreaterThan(first.UpdatedAt);
        byOwner.StatusCode.ShouldBe(HttpStatusCode.NoContent); // the artwork's artist deletes carol's comment
        byAuthor.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        page!.Items.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        page.Items[0].IsOwner.ShouldBeFalse(); // carol is reading bob's comment
        var (_, after) = await app.Anonymous.GETAsync<Get.Endpoint, Get.Request, ArtworkResponse>(
            new() { Id = artwork.Id }
        );
        after!.CommentCount.ShouldBe(1);
        (await app.QueryAsync(d => d.Comments.CountAsync(c => c.ArtworkId == artwork.Id))).ShouldBe(1);
    }

    [Theory, AllDatabases]
    public async Task Only_the_author_edits_and_only_author_or_artist_deletes(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var mallory = await app.CreateUserAsync("mallory");
        var artwork = await alice.CreateArtworkAsync();
        var (_, comment) = await CommentAsync(bob, artwork.Id, "Mine");

        var (aliceEdits, _) = await alice.Client.PUTAsync<Update.Endpoint, Update.Request, CommentResponse>(
            new()
            {
                Id = artwork.Id,
                CommentId = comment!.Id,
                Body = "Edited by the artist",
            }
        );
        var malloryDeletes = await mallory.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(
            new() { Id = artwork.Id, CommentId = comment.Id }
        );

        aliceEdits.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        malloryDeletes.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(d => d.Comments.SingleAsync(c => c.Id == comment.Id))).Body.ShouldBe("Mine");
    }

    [Theory, AllDatabases]
    public async Task Pages_read_oldest_first(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add((await CommentAsync(alice, artwork.Id, $"note {i}")).Result!.Id);

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var (_, page) = await app.Anonymous.SendRawAsync<List.Endpoint, Page<CommentResponse>>(
                route: new { Id = artwork.Id },
                query: cursor is null ? "limit=2" : $"limit=2&cursor={cursor}"
            );
            seen.AddRange(page!.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        seen.ShouldBe(ids);
    }

    [Theory]
    [AllDatabases("")]
    [AllDatabases("   ")]
    [AllDatabases(null)]
    public async Task An_empty_or_overlong_body_is_400(Db db, string? body)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();

        var (empty, _) = await CommentAsync(alice, artwork.Id, body!);
        var (tooLong, _) = await CommentAsync(alice, artwork.Id, new string('w', 2001));

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.ReadProblemAsync()).Errors!.Keys.ShouldBe(["body"]);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, AllDatabases]
    public async Task Unknown_artworks_and_comments_of_other_artworks_are_404(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var one = await alice.CreateArtworkAsync();
        var other = await alice.CreateArtworkAsync();
        var (_, comment) = await CommentAsync(alice, one.Id, "on the first");

        var (onUnknown, _) = await CommentAsync(alice, Guid.CreateVersion7(), "hello?");
        var listUnknown = await app.Anonymous.GETAsync<List.Endpoint, List.Query>(new() { Id = Guid.CreateVersion7() });
        var wrongArtwork = await alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(
            new() { Id = other.Id, CommentId = comment!.Id }
        );

        onUnknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        listUnknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        wrongArtwork.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
