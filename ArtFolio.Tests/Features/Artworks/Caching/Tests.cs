using System.Net;
using System.Net.Http.Headers;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Artworks.Caching;

using Get = ArtFolio.Features.Artworks.Get;
using Like = ArtFolio.Features.Likes.Like;

/// <summary>Reads carry an ETag, answer 304 to a client that has them, and say who may cache them.</summary>
public sealed class Tests
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await client.SendAsync(request);
    }

    [Theory]
    [AllDatabases("by id")]
    [AllDatabases("explore")]
    [AllDatabases("profile")]
    public async Task A_read_has_an_etag_a_matching_request_is_304_and_a_change_is_a_new_etag(Db db, string read)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await alice.CreateArtworkAsync("Tagged");
        var url =
            read == "by id"
                ? TestHttp.UrlOf<Get.Endpoint>(new { artwork.Id })
                : TestHttp.UrlOf<ArtFolio.Features.Artworks.List.Endpoint>(query: "limit=5");

        var first = await GetAsync(app.Anonymous, url);
        var etag = first.Headers.ETag!.ToString();
        var again = await GetAsync(app.Anonymous, url, etag);
        await bob.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id });
        var afterLike = await GetAsync(app.Anonymous, url, etag);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (first.Headers.CacheControl!.Public, first.Headers.CacheControl.MaxAge).ShouldBe(
            (true, TimeSpan.FromSeconds(30))
        );
        first.Headers.Vary.ShouldContain("Authorization");
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        again.Headers.ETag!.ToString().ShouldBe(etag);
        afterLike.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterLike.Headers.ETag!.ToString().ShouldNotBe(etag);
    }

    [Theory]
    [AllDatabases("comments")]
    [AllDatabases("directory")]
    public async Task Comment_and_user_lists_have_etags_that_change_with_them(Db db, string list)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await alice.CreateArtworkAsync();
        var url =
            list == "comments"
                ? TestHttp.UrlOf<ArtFolio.Features.Comments.List.Endpoint>(new { artwork.Id })
                : TestHttp.UrlOf<ArtFolio.Features.Users.List.Endpoint>(query: $"q={alice.Username}");

        var first = await GetAsync(app.Anonymous, url);
        var etag = first.Headers.ETag!.ToString();
        var again = await GetAsync(app.Anonymous, url, etag);
        if (list == "comments")
            await bob.Client.POSTAsync<
                ArtFolio.Features.Comments.Create.Endpoint,
                ArtFolio.Features.Comments.Create.Request
            >(new() { Id = artwork.Id, Body = "A new comment" });
        else
            await bob.Client.POSTAsync<
                ArtFolio.Features.Follows.Follow.Endpoint,
                ArtFolio.Features.Follows.Follow.Request
            >(new() { Username = alice.Username });
        var changed = await GetAsync(app.Anonymous, url, etag);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.ToString().ShouldNotBe(etag);
    }

    [Theory]
    [AllDatabases("followers")]
    [AllDatabases("following")]
    [AllDatabases("feed")]
    [AllDatabases("notifications")]
    public async Task Follow_lists_the_feed_and_notifications_have_etags_that_change_with_them(Db db, string list)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        await bob.Client.POSTAsync<ArtFolio.Features.Follows.Follow.Endpoint, ArtFolio.Features.Follows.Follow.Request>(
            new() { Username = alice.Username }
        );
        var (client, url) = list switch
        {
            "followers" => (app.Anonymous, $"/api/v1/users/{alice.Username}/followers"),
            "following" => (app.Anonymous, $"/api/v1/users/{bob.Username}/following"),
            "feed" => (bob.Client, TestHttp.UrlOf<ArtFolio.Features.Feed.Get.Endpoint>()),
            _ => (alice.Client, TestHttp.UrlOf<ArtFolio.Features.Notifications.List.Endpoint>()),
        };
        if (list == "notifications") // the follow's notification, which the outbox delivers in the background
            await TestApp.EventuallyAsync(
                async () =>
                    (
                        await alice.Client.GETAsync<
                            ArtFolio.Features.Notifications.List.Endpoint,
                            ArtFolio.Features.Notifications.List.Query,
                            ArtFolio.Features.Notifications.List.Response
                        >(new())
                    )
                        .Result
                        .UnreadCount,
                unread => unread > 0
            );

        var first = await GetAsync(client, url);
        var etag = first.Headers.ETag!.ToString();
        var again = await GetAsync(client, url, etag);
        if (list is "followers" or "following")
        {
            var carol = await app.CreateUserAsync("carol");
            var followed = list == "followers" ? alice : carol;
            await (list == "followers" ? carol : bob).Client.POSTAsync<
                ArtFolio.Features.Follows.Follow.Endpoint,
                ArtFolio.Features.Follows.Follow.Request
            >(new() { Username = followed.Username });
        }
        else if (list == "feed")
            await alice.CreateArtworkAsync("New for the feed");
        else
            await alice.Client.POSTAsync<ArtFolio.Features.Notifications.ReadAll.Endpoint, EmptyRequest>(
                EmptyRequest.Instance
            );
        var changed = await GetAsync(client, url, etag);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.ToString().ShouldNotBe(etag);
        var cacheControl = first.Headers.CacheControl!;
        if (list is "feed" or "notifications")
            (cacheControl.Private, cacheControl.NoCache).ShouldBe((true, true));
        else
            cacheControl.Public.ShouldBeTrue();
    }

    [Theory, AllDatabases]
    public async Task What_depends_on_the_caller_is_private_and_has_its_own_etag(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();
        var url = TestHttp.UrlOf<Get.Endpoint>(new { artwork.Id });

        var anonymous = await GetAsync(app.Anonymous, url);
        var owner = await GetAsync(alice.Client, url);

        owner.StatusCode.ShouldBe(HttpStatusCode.OK);
        (owner.Headers.CacheControl!.Private, owner.Headers.CacheControl.NoCache).ShouldBe((true, true));
        owner.Headers.ETag!.ToString().ShouldNotBe(anonymous.Headers.ETag!.ToString()); // isOwner differs
        (await GetAsync(alice.Client, url, owner.Headers.ETag.ToString())).StatusCode.ShouldBe(
            HttpStatusCode.NotModified
        );
    }

    [Theory, AllDatabases]
    public async Task Writes_and_problems_carry_no_public_cache_control(Db db)
    {
        var app = await TestApp.For(db);

        var missing = await GetAsync(app.Anonymous, TestHttp.UrlOf<Get.Endpoint>(new { Id = Guid.CreateVersion7() }));

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Headers.CacheControl?.Public.ShouldNotBe(true);
        missing.Headers.ETag.ShouldBeNull();
    }
}
