using System.Net;
using ArtFolio.Features.Follows;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Follows;

using DeleteAccount = ArtFolio.Features.Users.DeleteAccount;
using Follow = ArtFolio.Features.Follows.Follow;
using Followers = ArtFolio.Features.Follows.Followers;
using Following = ArtFolio.Features.Follows.Following;
using Profile = ArtFolio.Features.Users.Profile;
using Unfollow = ArtFolio.Features.Follows.Unfollow;

public sealed class Tests
{
    private static async Task<(HttpStatusCode Status, FollowResponse? Body)> FollowAsync(
        TestUser who,
        string username,
        bool follow = true
    )
    {
        var (response, body) = follow
            ? await who.Client.POSTAsync<Follow.Endpoint, Follow.Request, FollowResponse>(new() { Username = username })
            : await who.Client.DELETEAsync<Unfollow.Endpoint, Unfollow.Request, FollowResponse>(
                new() { Username = username }
            );
        return (response.StatusCode, body);
    }

    [Theory, AllDatabases]
    public async Task Following_is_idempotent_and_moves_both_counters(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");

        (await FollowAsync(bob, alice.Username.ToUpperInvariant())).ShouldBe(
            (HttpStatusCode.OK, new FollowResponse(true, 1))
        );
        (await FollowAsync(bob, alice.Username)).ShouldBe((HttpStatusCode.OK, new FollowResponse(true, 1)));
        var (_, seenByBob) = await bob.Client.GETAsync<Profile.Endpoint, Profile.Request, Profile.Response>(
            new() { Username = alice.Username }
        );
        var (_, bobsProfile) = await app.Anonymous.GETAsync<Profile.Endpoint, Profile.Request, Profile.Response>(
            new() { Username = bob.Username }
        );
        var (_, followers) = await app.Anonymous.GETAsync<
            Followers.Endpoint,
            ArtFolio.Features.Follows.FollowListQuery,
            Page<UserSummary>
        >(new() { Username = alice.Username });
        var (_, following) = await app.Anonymous.GETAsync<
            Following.Endpoint,
            ArtFolio.Features.Follows.FollowListQuery,
            Page<UserSummary>
        >(new() { Username = bob.Username });

        (seenByBob!.FollowerCount, seenByBob.IsFollowing).ShouldBe((1, true));
        bobsProfile!.FollowingCount.ShouldBe(1);
        followers!.Items.ShouldHaveSingleItem().Username.ShouldBe(bob.Username);
        following!.Items.ShouldHaveSingleItem().Username.ShouldBe(alice.Username);

        (await FollowAsync(bob, alice.Username, follow: false)).ShouldBe(
            (HttpStatusCode.OK, new FollowResponse(false, 0))
        );
        (await FollowAsync(bob, alice.Username, follow: false)).ShouldBe(
            (HttpStatusCode.OK, new FollowResponse(false, 0))
        );
        var counts = await app.QueryAsync(d =>
            d.Users.Where(u => u.Id == alice.Id || u.Id == bob.Id)
                .Select(u => u.FollowerCount + u.FollowingCount)
                .ToListAsync()
        );
        counts.ShouldAllBe(c => c == 0);
    }

    [Theory, AllDatabases]
    public async Task Counters_stay_exact_when_many_follow_at_once(Db db)
    {
        var app = await TestApp.For(db);
        var star = await app.CreateUserAsync("star");
        var fans = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => app.CreateUserAsync($"fan{i}")));

        await Task.WhenAll(
            fans.SelectMany(f => new[] { FollowAsync(f, star.Username), FollowAsync(f, star.Username) })
        );
        await Task.WhenAll(fans.Take(3).Select(f => FollowAsync(f, star.Username, follow: false)));

        var (counter, rows) = await app.QueryAsync(async d =>
            (
                await d.Users.Where(u => u.Id == star.Id).Select(u => u.FollowerCount).SingleAsync(),
                await d.Follows.CountAsync(f => f.FolloweeId == star.Id)
            )
        );
        (counter, rows).ShouldBe((7, 7));
    }

    [Theory, AllDatabases]
    public async Task Following_yourself_is_400_and_an_unknown_user_404(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        (await FollowAsync(alice, alice.Username)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await FollowAsync(alice, "nobody_at_all_here")).Status.ShouldBe(HttpStatusCode.NotFound);
        (
            await app.Anonymous.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = alice.Username })
        ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (
            await app.Anonymous.GETAsync<Followers.Endpoint, ArtFolio.Features.Follows.FollowListQuery>(
                new() { Username = "nobody_at_all_here" }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, AllDatabases]
    public async Task Lists_page_most_recent_first(Db db)
    {
        var app = await TestApp.For(db);
        var star = await app.CreateUserAsync("star");
        var fans = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var fan = await app.CreateUserAsync($"fan{i}");
            await FollowAsync(fan, star.Username);
            fans.Add(fan.Username);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var (_, page) = await app.Anonymous.SendRawAsync<Followers.Endpoint, Page<UserSummary>>(
                route: new { star.Username },
                query: cursor is null ? "limit=2" : $"limit=2&cursor={cursor}"
            );
            seen.AddRange(page!.Items.Select(u => u.Username));
            cursor = page.NextCursor;
        } while (cursor is not null);

        seen.ShouldBe(Enumerable.Reverse(fans));
    }

    [Theory, AllDatabases]
    public async Task A_deleted_user_vanishes_from_lists_and_counters(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var carol = await app.CreateUserAsync("carol");
        await FollowAsync(bob, alice.Username);
        await FollowAsync(carol, alice.Username);
        await FollowAsync(alice, bob.Username);

        (
            await bob.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
                new DeleteAccount.Request { Password = bob.Password }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var (_, followers) = await app.Anonymous.GETAsync<
            Followers.Endpoint,
            ArtFolio.Features.Follows.FollowListQuery,
            Page<UserSummary>
        >(new() { Username = alice.Username });
        followers!.Items.Select(u => u.Username).ShouldBe([carol.Username]);
        var (_, profile) = await app.Anonymous.GETAsync<Profile.Endpoint, Profile.Request, Profile.Response>(
            new() { Username = alice.Username }
        );
        (profile!.FollowerCount, profile.FollowingCount).ShouldBe((1, 0));
    }
}
