using System.Net;
using ArtFolio.Domain;
using ArtFolio.Tests.Features.Artworks;
using FastEndpoints;
using Delete = ArtFolio.Features.Artworks.Delete;
using Follow = ArtFolio.Features.Follows.Follow;
using Like = ArtFolio.Features.Likes.Like;
using Login = ArtFolio.Features.Auth.Login;
using LogoutAll = ArtFolio.Features.Auth.LogoutAll;
using Me = ArtFolio.Features.Users.Me;
using Popular = ArtFolio.Features.Artworks.Popular;
using Status = ArtFolio.Features.Operations.Status;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// Two instances of the app on one database and one Redis, as behind a load balancer: what one
/// instance learns or limits, the other sees at once.
/// </summary>
public sealed class ScaleOutTests
{
    [RedisTheory, AllDatabases]
    public async Task The_auth_rate_limit_counts_a_client_across_instances(Db db)
    {
        await using var first = await TestApp.StartAsync(
            db,
            TestRedis.Settings(
                new Dictionary<string, string?>
                {
                    ["RateLimiting:Auth:PermitLimit"] = "3",
                    ["RateLimiting:Auth:Window"] = "00:01:00",
                }
            )
        );
        await using var second = first.StartSibling();
        var attempt = new Login.Request { Username = "nobody", Password = "whatever-it-is" };
        var instances = new[] { first, second, first, second };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        foreach (var app in instances)
        {
            last = await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(attempt);
            statuses.Add(last.StatusCode);
        }

        statuses.ShouldBe([
            HttpStatusCode.Unauthorized,
            HttpStatusCode.Unauthorized,
            HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests,
        ]);
        int.Parse(last!.Headers.RetryAfter!.ToString()).ShouldBeInRange(1, 60);
        (await last.ReadProblemAsync()).Status.ShouldBe(429);
    }

    [RedisTheory, AllDatabases]
    public async Task A_logout_through_one_instance_is_refused_at_once_by_the_other(Db db)
    {
        // An hour of trust in a session check: only the eviction through Redis can end it sooner.
        await using var first = await TestApp.StartAsync(
            db,
            TestRedis.Settings(new Dictionary<string, string?> { ["Jwt:SessionCheckCacheDuration"] = "01:00:00" })
        );
        await using var second = first.StartSibling();
        var alice = await first.CreateUserAsync("alice");
        var onSecond = second.ClientWithToken(alice.Auth.AccessToken);
        (await onSecond.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await alice.Client.POSTAsync<LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance)).StatusCode.ShouldBe(
            HttpStatusCode.NoContent
        );
        var status = await TestApp.EventuallyAsync(
            async () => (await onSecond.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode,
            s => s == HttpStatusCode.Unauthorized,
            seconds: 2
        );

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [RedisTheory, AllDatabases]
    public async Task A_notification_caused_on_one_instance_reaches_a_socket_held_by_the_other(Db db)
    {
        await using var first = await TestApp.StartAsync(db, TestRedis.Settings());
        // One dispatcher, so that the event is certainly pushed from the first instance.
        await using var second = first.StartSibling(new Dictionary<string, string?> { ["Outbox:Dispatch"] = "false" });
        var alice = await first.CreateUserAsync("alice");
        var bob = await first.CreateUserAsync("bob");
        await bob.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = alice.Username });
        using var bobsSocket = await second.ConnectAsync(bob.Auth.AccessToken);

        var artwork = await alice.CreateArtworkAsync("Through Redis");

        var pushed = await bobsSocket.ReceiveAsync();
        pushed.ShouldNotBeNull();
        pushed["type"]!.GetValue<string>().ShouldBe(NotificationTypes.NewArtwork);
        pushed["artworkId"]!.GetValue<string>().ShouldBe(artwork.Id.ToString());
    }

    [RedisTheory, AllDatabases]
    public async Task The_popular_ranking_is_shared_and_an_artwork_deleted_on_one_instance_leaves_it_on_both(Db db)
    {
        await using var first = await TestApp.StartAsync(
            db,
            TestRedis.Settings(new Dictionary<string, string?> { ["Popular:CacheDuration"] = "01:00:00" })
        );
        await using var second = first.StartSibling();
        var artist = await first.CreateUserAsync("artist");
        var fans = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => first.CreateUserAsync($"fan{i}")));
        var favourite = await artist.CreateArtworkAsync("Favourite");
        var runnerUp = await artist.CreateArtworkAsync("Runner-up");
        foreach (var (fan, artwork) in new[] { (fans[0], favourite), (fans[1], favourite), (fans[0], runnerUp) })
            await fan.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id });
        var top = new Popular.Query { Period = "all", Limit = 1 };

        var (_, ranked) = await first.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(top);
        Popular.Response? fromRedis;
        IReadOnlyList<string> secondSql;
        using (var capture = second.Sql.Start())
        {
            (_, fromRedis) = await second.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(top);
            secondSql = capture.Commands;
        }
        ranked!.Items.Select(a => a.Id).ShouldBe([favourite.Id]);
        fromRedis!.Items.Select(a => a.Id).ShouldBe([favourite.Id]);
        secondSql.ShouldNotContain(sql => sql.Contains("\"LikeCount\" > 0"), "the second instance counted again");

        (
            await artist.Client.DELETEAsync<Delete.Endpoint, Delete.Request>(new() { Id = favourite.Id })
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // Pub/sub reaches the other instance a moment after the delete answers (its kept answer with it):
        // well within a second.
        var afterDelete = await TestApp.EventuallyAsync(
            async () =>
                (await second.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(top)).Result,
            r => r.Items.Count > 0 && r.Items.All(a => a.Id != favourite.Id),
            seconds: 1
        );

        var (_, onFirst) = await first.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(top);
        afterDelete.Items.Select(a => a.Id).ShouldBe([runnerUp.Id]);
        onFirst!.Items.Select(a => a.Id).ShouldBe([runnerUp.Id]);
    }

    [RedisTheory, AllDatabases]
    public async Task Status_reports_redis(Db db)
    {
        await using var app = await TestApp.StartAsync(db, TestRedis.Settings());

        var (response, status) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        status!.Services["redis"].Status.ShouldBe(Status.Endpoint.Ok);
    }

    /// <summary>Nothing listens on port 1: the instance starts, limits alone, and says Redis is unreachable.</summary>
    [Fact]
    public async Task Without_a_reachable_redis_an_instance_serves_and_limits_on_its_own()
    {
        await using var app = await TestApp.StartAsync(
            Db.Sqlite,
            new Dictionary<string, string?>
            {
                ["Redis:ConnectionString"] = "127.0.0.1:1,connectTimeout=200",
                ["RateLimiting:Auth:PermitLimit"] = "3",
                ["RateLimiting:Auth:Window"] = "00:01:00",
            }
        );
        var alice = await app.CreateUserAsync("alice"); // the first of three
        var attempt = new Login.Request { Username = "nobody", Password = "whatever-it-is" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) // the rest
            statuses.Add((await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(attempt)).StatusCode);
        var (statusResponse, status) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
        var (meResponse, me) = await alice.Client.GETAsync<Me.Endpoint, Me.Response>();

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        statusResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        status!.Status.ShouldBe(Status.Endpoint.Degraded);
        status.Services["redis"].Status.ShouldBe(Status.Endpoint.Degraded);
        meResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        me!.Username.ShouldBe(alice.Username);
    }

    [Fact]
    public async Task Without_redis_configured_status_says_it_is_disabled()
    {
        var app = await TestApp.For(Db.Sqlite);

        var (_, status) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();

        status!.Services["redis"].Status.ShouldBe(Status.Endpoint.Disabled);
    }
}
