using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Comments;
using ArtFolio.Features.Users;
using ArtFolio.Tests.Features.Artworks;
using FastEndpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Infrastructure;

using CommentCreate = ArtFolio.Features.Comments.Create;
using CommentDelete = ArtFolio.Features.Comments.Delete;
using Comments = ArtFolio.Features.Comments.List;
using CommentUpdate = ArtFolio.Features.Comments.Update;
using Delete = ArtFolio.Features.Artworks.Delete;
using DeleteAccount = ArtFolio.Features.Users.DeleteAccount;
using Explore = ArtFolio.Features.Artworks.List;
using Follow = ArtFolio.Features.Follows.Follow;
using Get = ArtFolio.Features.Artworks.Get;
using Like = ArtFolio.Features.Likes.Like;
using Popular = ArtFolio.Features.Artworks.Popular;
using Profile = ArtFolio.Features.Users.Profile;
using Register = ArtFolio.Features.Auth.Register;
using RemoveAvatar = ArtFolio.Features.Users.RemoveAvatar;
using SetAvatar = ArtFolio.Features.Users.SetAvatar;
using Unfollow = ArtFolio.Features.Follows.Unfollow;
using Unlike = ArtFolio.Features.Likes.Unlike;
using Update = ArtFolio.Features.Artworks.Update;
using UpdateMe = ArtFolio.Features.Users.UpdateMe;
using Users = ArtFolio.Features.Users.List;

/// <summary>
/// The output cache as a visitor meets it: anonymous reads answered from memory (an <c>Age</c> header,
/// no SQL), never a caller's own view, and after every write each cached read answers exactly what an
/// instance without the cache answers.
/// </summary>
public sealed partial class AnswerCacheTests
{
    // The ranking's own cache off, so popular shows every like at once, as the uncached instance does.
    private static readonly Dictionary<string, string?> RankingUncached = new()
    {
        ["Popular:CacheDuration"] = "00:00:00",
    };

    private static readonly Dictionary<string, string?> CacheOff = new() { ["OutputCache:Enabled"] = "false" };

    /// <summary>Two artists' world: alice's artwork, liked and commented on by bob, who follows her.</summary>
    private sealed record World(
        TestApp App,
        TestUser Alice,
        TestUser Bob,
        TestUser Carol,
        ArtworkResponse Artwork,
        CommentResponse Comment
    )
    {
        /// <summary>Every public read the world has.</summary>
        public string[] Reads =>
            [
                TestHttp.UrlOf<Get.Endpoint>(new { Artwork.Id }),
                TestHttp.UrlOf<Explore.Endpoint>(query: "limit=5"),
                TestHttp.UrlOf<Explore.Endpoint>(query: $"artist={Alice.Username}"),
                TestHttp.UrlOf<Popular.Endpoint>(query: "period=all"),
                TestHttp.UrlOf<Profile.Endpoint>(new { Alice.Username }),
                TestHttp.UrlOf<Profile.Endpoint>(new { Bob.Username }),
                TestHttp.UrlOf<Users.Endpoint>(query: "limit=100"),
                TestHttp.UrlOf<Comments.Endpoint>(new { Artwork.Id }),
            ];

        public static async Task<World> ArrangeAsync(TestApp app)
        {
            var alice = await app.CreateUserAsync("alice");
            var bob = await app.CreateUserAsync("bob");
            var carol = await app.CreateUserAsync("carol");
            var artwork = await alice.CreateArtworkAsync("Harbor at dusk");
            (
                await bob.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id })
            ).EnsureSuccessStatusCode();
            (
                await bob.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = alice.Username })
            ).EnsureSuccessStatusCode();
            var (_, comment) = await bob.Client.POSTAsync<
                CommentCreate.Endpoint,
                CommentCreate.Request,
                CommentResponse
            >(new() { Id = artwork.Id, Body = "The light on the water" });
            return new World(app, alice, bob, carol, artwork, comment!);
        }
    }

    /// <summary>Each write a visitor could see the effect of, with the reads it certainly changes.</summary>
    private static readonly Dictionary<string, (Func<World, Task<HttpResponseMessage>> Write, int[] Changes)> Writes =
        new()
        {
            ["artwork created"] = (w => Upload(w.Alice), [1, 2, 4, 6]),
            ["artwork edited"] = (
                w =>
                    w.Alice.Client.PUTAsync<Update.Endpoint, Update.Request>(
                        new()
                        {
                            Id = w.Artwork.Id,
                            Title = "Harbor at night",
                            Category = "Painting",
                        }
                    ),
                [0, 1, 2, 3, 4]
            ),
            ["artwork deleted"] = (
                w => w.Alice.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = w.Artwork.Id }),
                [0, 1, 2, 3, 4, 6, 7]
            ),
            ["liked"] = (
                w => w.Carol.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = w.Artwork.Id }),
                [0, 1, 2, 3, 4]
            ),
            ["unliked"] = (
                w => w.Bob.Client.DELETEAsync<Unlike.Endpoint, Unlike.Request>(new() { Id = w.Artwork.Id }),
                [0, 1, 2, 3, 4]
            ),
            ["commented"] = (
                w =>
                    w.Carol.Client.POSTAsync<CommentCreate.Endpoint, CommentCreate.Request>(
                        new() { Id = w.Artwork.Id, Body = "Saved to my favourites" }
                    ),
                [0, 1, 2, 3, 4, 7]
            ),
            ["comment edited"] = (
                w =>
                    w.Bob.Client.PUTAsync<CommentUpdate.Endpoint, CommentUpdate.Request>(
                        new()
                        {
                            Id = w.Artwork.Id,
                            CommentId = w.Comment.Id,
                            Body = "The light on the water, at dusk",
                        }
                    ),
                [7]
            ),
            ["comment deleted"] = (
                w =>
                    w.Bob.Client.DELETEAsync<CommentDelete.Endpoint, CommentDelete.Request>(
                        new() { Id = w.Artwork.Id, CommentId = w.Comment.Id }
                    ),
                [0, 1, 2, 3, 4, 7]
            ),
            ["followed"] = (
                w => w.Carol.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = w.Alice.Username }),
                [4, 6]
            ),
            ["unfollowed"] = (
                w =>
                    w.Bob.Client.DELETEAsync<Unfollow.Endpoint, Unfollow.Request>(
                        new() { Username = w.Alice.Username }
                    ),
                [4, 6]
            ),
            ["profile updated"] = (
                w =>
                    w.Bob.Client.PUTAsync<UpdateMe.Endpoint, UpdateMe.Request>(
                        new() { DisplayName = "Bob the Painter", Bio = "Harbors, mostly" }
                    ),
                [5, 6, 7]
            ),
            ["avatar set"] = (
                w =>
                    w.Alice.Client.SendRawAsync<SetAvatar.Endpoint>(TestMedia.Form(TestMedia.Png(64, 64), [], "image")),
                [0, 1, 2, 3, 4, 6]
            ),
            ["avatar removed"] = (
                async w =>
                {
                    var set = await w.Alice.Client.SendRawAsync<SetAvatar.Endpoint>(
                        TestMedia.Form(TestMedia.Png(64, 64), [], "image")
                    );
                    set.EnsureSuccessStatusCode();
                    return await w.Alice.Client.DELETEAsync<RemoveAvatar.Endpoint, EmptyRequest>(EmptyRequest.Instance);
                },
                [] // set, then removed: as before
            ),
            ["account deleted"] = (
                w =>
                    w.Bob.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
                        new() { Password = w.Bob.Password }
                    ),
                [0, 1, 2, 3, 4, 5, 6, 7]
            ),
            ["registered"] = (
                async w =>
                {
                    await w.App.CreateUserAsync("dave");
                    return new HttpResponseMessage(HttpStatusCode.Created);
                },
                [6]
            ),
        };

    public static IEnumerable<object?[]> EveryWrite => Writes.Keys.Select(write => new object?[] { write });

    private static async Task<HttpResponseMessage> Upload(TestUser artist)
    {
        await artist.CreateArtworkAsync("Second harbor");
        return new HttpResponseMessage(HttpStatusCode.Created);
    }

    private static async Task<(HttpStatusCode Status, string Body, bool FromCache)> ReadAsync(
        HttpClient client,
        string url
    )
    {
        var response = await client.GetAsync(url);
        // A problem's traceId names the request: everything else in it is compared.
        var body = TraceId().Replace(await response.Content.ReadAsStringAsync(), "");
        return (response.StatusCode, body, response.Headers.Age is not null);
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [Theory, AllDatabases(MemberName = nameof(EveryWrite))]
    public async Task After_each_write_every_cached_read_answers_what_an_uncached_instance_answers(Db db, string write)
    {
        await using var app = await TestApp.StartAsync(db, RankingUncached);
        await using var uncached = app.StartSibling(CacheOff);
        await CheckEveryReadAfterAsync(write, writer: app, reader: app, uncached, seconds: 0);
    }

    /// <summary>
    /// Written through one instance, read through another that kept its answers: the eviction reaches it
    /// through Redis a moment after the write answers (measured in milliseconds; a second is allowed).
    /// </summary>
    [RedisTheory, AllDatabases(MemberName = nameof(EveryWrite))]
    public async Task After_each_write_on_one_instance_the_others_answers_are_evicted_too(Db db, string write)
    {
        await using var app = await TestApp.StartAsync(db, TestRedis.Settings(RankingUncached));
        await using var reader = app.StartSibling();
        await using var uncached = app.StartSibling(CacheOff);
        await CheckEveryReadAfterAsync(write, writer: app, reader, uncached, seconds: 1);
    }

    private static async Task CheckEveryReadAfterAsync(
        string write,
        TestApp writer,
        TestApp reader,
        TestApp uncached,
        double seconds
    )
    {
        var world = await World.ArrangeAsync(writer);
        var before = new List<(HttpStatusCode Status, string Body, bool FromCache)>();
        // Kept once read (on the reader, after the arranging writes' evictions reached it).
        foreach (var url in world.Reads)
            before.Add(
                await TestApp.EventuallyAsync(() => ReadAsync(reader.Anonymous, url), read => read.FromCache, 2)
            );
        before.ShouldAllBe(read => read.FromCache, "every read was cached before the write");

        var (act, changes) = Writes[write];
        (await act(world)).IsSuccessStatusCode.ShouldBeTrue();

        for (var i = 0; i < world.Reads.Length; i++)
        {
            var truth = await ReadAsync(uncached.Anonymous, world.Reads[i]);
            var url = world.Reads[i];
            var cached =
                seconds == 0
                    ? await ReadAsync(reader.Anonymous, url)
                    : await TestApp.EventuallyAsync(
                        () => ReadAsync(reader.Anonymous, url),
                        read => (read.Status, read.Body) == (truth.Status, truth.Body),
                        seconds
                    );
            (cached.Status, cached.Body).ShouldBe((truth.Status, truth.Body), $"{url} after {write}");
            if (changes.Contains(i))
                cached.Body.ShouldNotBe(before[i].Body, $"{url} should have changed with {write}");
        }
    }

    [Theory, AllDatabases]
    public async Task An_anonymous_read_is_served_from_memory_and_a_304_from_there_too(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync("Cached");
        var url = TestHttp.UrlOf<Get.Endpoint>(new { artwork.Id });
        var first = await app.Anonymous.GetAsync(url);

        HttpResponseMessage second,
            revalidated;
        using (var sql = app.Sql.Start())
        {
            second = await app.Anonymous.GetAsync(url);
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            revalidated = await app.Anonymous.SendAsync(conditional);
            sql.Commands.ShouldBeEmpty();
        }

        first.Headers.Age.ShouldBeNull();
        second.Headers.Age.ShouldNotBeNull();
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
        second.Headers.CacheControl!.Public.ShouldBeTrue();
        revalidated.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await revalidated.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task A_caller_with_a_token_is_never_served_nor_cached(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync("Mine");
        var url = TestHttp.UrlOf<Get.Endpoint>(new { artwork.Id });
        await app.Anonymous.GetAsync(url);
        await app.Anonymous.GetAsync(url);

        var (mine, _) = await alice.Client.GETAsync<Get.Endpoint, Get.Request, ArtworkResponse>(
            new() { Id = artwork.Id }
        );
        var (again, owned) = await alice.Client.GETAsync<Get.Endpoint, Get.Request, ArtworkResponse>(
            new() { Id = artwork.Id }
        );
        var anonymous = await app.Anonymous.GetAsync(url);

        mine.Headers.Age.ShouldBeNull();
        again.Headers.Age.ShouldBeNull();
        again.Headers.CacheControl!.Private.ShouldBeTrue();
        owned!.IsOwner.ShouldBeTrue();
        owned.LikedByMe.ShouldBe(false);
        (await anonymous.Content.ReadAsStringAsync()).ShouldNotContain("likedByMe");
        (await anonymous.Content.ReadAsStringAsync()).ShouldContain("\"isOwner\":false");
    }

    [Theory, AllDatabases]
    public async Task Errors_are_not_kept_so_a_new_username_is_found_at_once(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var name = TestApp.Unique("newcomer");
        var url = TestHttp.UrlOf<Profile.Endpoint>(new { Username = name });
        (await app.Anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var badLimit = TestHttp.UrlOf<Explore.Endpoint>(query: "limit=0");
        await app.Anonymous.GetAsync(badLimit);

        var bad = await app.Anonymous.GetAsync(badLimit);
        var password = "correct horse battery staple";
        (
            await app.Anonymous.POSTAsync<Register.Endpoint, Register.Request>(
                new()
                {
                    Username = name,
                    Email = $"{name}@example.com",
                    Password = password,
                    ConfirmPassword = password,
                }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.Created);
        var found = await app.Anonymous.GetAsync(url);

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Headers.Age.ShouldBeNull();
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task Turned_off_every_read_goes_to_the_database(Db db)
    {
        await using var app = await TestApp.StartAsync(db, CacheOff);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync("Uncached");
        var url = TestHttp.UrlOf<Get.Endpoint>(new { artwork.Id });
        await app.Anonymous.GetAsync(url);

        using var sql = app.Sql.Start();
        var again = await app.Anonymous.GetAsync(url);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Headers.Age.ShouldBeNull();
        sql.Commands.ShouldNotBeEmpty();
    }

    /// <summary>A kept answer carries the CORS headers of the origin it was made for: each origin gets its own.</summary>
    [Theory, AllDatabases]
    public async Task Each_origin_gets_an_answer_made_for_it(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Cors:AllowedOrigins:0"] = "https://one.example",
                ["Cors:AllowedOrigins:1"] = "https://two.example",
            }
        );
        var url = TestHttp.UrlOf<Explore.Endpoint>(query: "limit=3");
        async Task<HttpResponseMessage> FromAsync(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (origin is not null)
                request.Headers.Add("Origin", origin);
            return await app.Anonymous.SendAsync(request);
        }
        await FromAsync("https://one.example");
        await FromAsync("https://two.example");
        await FromAsync(null);

        var one = await FromAsync("https://one.example");
        var two = await FromAsync("https://two.example");
        var none = await FromAsync(null);

        one.Headers.Age.ShouldNotBeNull();
        one.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://one.example"]);
        two.Headers.Age.ShouldNotBeNull();
        two.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://two.example"]);
        none.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Theory]
    [InlineData("Duration", "00:01:00")]
    [InlineData("Duration", "00:00:00")]
    [InlineData("SizeLimitMegabytes", "0")]
    public void Settings_out_of_bounds_stop_the_start(string key, string value)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Jwt:SigningKey", TestApp.SigningKey);
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.GetTempFileName()}");
            b.UseSetting($"OutputCache:{key}", value);
        });

        var error = Should.Throw<Exception>(() => factory.Server);

        error.ToString().ShouldContain("OutputCache");
        error.ToString().ShouldContain(key);
    }
}
