using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Artworks.Update;

using Update = ArtFolio.Features.Artworks.Update;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task The_artist_edits_the_details(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var created = await alice.CreateArtworkAsync("Draft", price: "10", tags: "old,keep", description: "first");

        var (response, updated) = await alice.Client.PUTAsync<Update.Endpoint, Update.Request, ArtworkResponse>(
            new()
            {
                Id = created.Id,
                Title = "Final",
                Category = "Sculpture",
                Price = 99.99m,
                Tags = ["Keep", "new"],
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        updated!.Title.ShouldBe("Final");
        updated.Category.ShouldBe("Sculpture");
        updated.Price.ShouldBe(99.99m);
        updated.Tags.ShouldBe(["keep", "new"]);
        updated.Description.ShouldBeNull(); // PUT replaces: left out means cleared
        updated.ImageUrl.ShouldBe(created.ImageUrl);
        updated.UpdatedAt.ShouldBeGreaterThan(created.UpdatedAt);
        var stored = await app.QueryAsync(d => d.Artworks.Include(a => a.Tags).SingleAsync(a => a.Id == created.Id));
        stored.PriceCents.ShouldBe(9999);
        stored.CategoryKey.ShouldBe("sculpture");
        stored.Tags.Select(t => t.Name).Order().ShouldBe(["keep", "new"]);
    }

    [Theory, AllDatabases]
    public async Task Someone_else_gets_403_and_changes_nothing(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var mallory = await app.CreateUserAsync("mallory");
        var created = await alice.CreateArtworkAsync("Mine");

        var (response, _) = await mallory.Client.PUTAsync<Update.Endpoint, Update.Request, ArtworkResponse>(
            new()
            {
                Id = created.Id,
                Title = "Stolen",
                Category = "x",
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(d => d.Artworks.SingleAsync(a => a.Id == created.Id))).Title.ShouldBe("Mine");
    }

    [Theory, AllDatabases]
    public async Task Fields_a_client_may_not_set_are_ignored(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var created = await alice.CreateArtworkAsync("Mine");

        var response = await alice.Client.SendRawAsync<Update.Endpoint>(
            new
            {
                title = "Still mine",
                category = "x",
                artistId = bob.Id,
                likeCount = 500,
                imageUrl = "https://evil.example/x.png",
                createdAt = "2000-01-01T00:00:00Z",
            },
            route: new { created.Id }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await app.QueryAsync(d => d.Artworks.SingleAsync(a => a.Id == created.Id));
        (stored.ArtistId, stored.LikeCount, stored.ImageUrl).ShouldBe((alice.Id, 0, created.ImageUrl));
        stored.CreatedAt.ShouldBe(created.CreatedAt, TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [AllDatabases("{\"title\":\"\",\"category\":\"x\"}", "title")]
    [AllDatabases("{\"title\":\"x\"}", "category")]
    [AllDatabases("{\"title\":\"x\",\"category\":\"x\",\"price\":-1}", "price")]
    [AllDatabases("{\"title\":\"x\",\"category\":\"x\",\"price\":1.005}", "price")]
    [AllDatabases(
        "{\"title\":\"x\",\"category\":\"x\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}",
        "tags"
    )]
    public async Task Invalid_details_are_400_by_name(Db db, string json, string field)
    {
        var response = await PutRawJsonOnNewArtworkAsync(db, json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
    }

    [Theory]
    [AllDatabases("{\"title\":\"x\",\"category\":\"x\",\"price\":\"ten\"}", "Expected a number at $.price.")]
    [AllDatabases("{\"title\":[1],\"category\":\"x\"}", "Expected a string at $.title.")]
    [AllDatabases("{\"title\":\"x\",", "The request body is not valid JSON")]
    public async Task Wrong_types_and_broken_json_are_400(Db db, string json, string detail)
    {
        var response = await PutRawJsonOnNewArtworkAsync(db, json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Detail!.ShouldStartWith(detail);
        if (detail.StartsWith("Expected", StringComparison.Ordinal))
            problem.Errors!.Keys.ShouldBe([detail.Split("$.")[1].TrimEnd('.')]); // the field that has the wrong type
    }

    [Theory, AllDatabases]
    public async Task An_unknown_artwork_is_404_and_no_token_is_401(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var request = new Update.Request { Title = "x", Category = "y" };

        var (unknown, _) = await alice.Client.PUTAsync<Update.Endpoint, Update.Request, ArtworkResponse>(
            request with
            {
                Id = Guid.CreateVersion7(),
            }
        );
        var (anonymous, _) = await app.Anonymous.PUTAsync<Update.Endpoint, Update.Request, ArtworkResponse>(
            request with
            {
                Id = Guid.CreateVersion7(),
            }
        );

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Alice creates an artwork and sends <paramref name="json"/> as its update, byte for byte.</summary>
    private static async Task<HttpResponseMessage> PutRawJsonOnNewArtworkAsync(Db db, string json)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var created = await alice.CreateArtworkAsync();
        return await alice.Client.SendRawAsync<Update.Endpoint>(
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            route: new { created.Id }
        );
    }
}
