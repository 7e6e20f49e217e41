using System.Net;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Artworks.Popular;

using DeleteAccount = ArtFolio.Features.Users.DeleteAccount;
using Like = ArtFolio.Features.Likes.Like;
using Popular = ArtFolio.Features.Artworks.Popular;
using Unlike = ArtFolio.Features.Likes.Unlike;

public sealed class Tests
{
    private static async Task LikeAsync(IEnumerable<TestUser> fans, Guid artworkId)
    {
        foreach (var fan in fans)
            (await fan.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artworkId })).StatusCode.ShouldBe(
                HttpStatusCode.OK
            );
    }

    [Theory, AllDatabases]
    public async Task Ranks_by_likes_within_the_period(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var artist = await app.CreateUserAsync("artist");
        var fans = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => app.CreateUserAsync($"fan{i}")));
        var oldFavourite = await artist.CreateArtworkAsync("Old favourite");
        var newHit = await artist.CreateArtworkAsync("New hit");
        var quiet = await artist.CreateArtworkAsync("Quiet");
        await LikeAsync(fans, oldFavourite.Id); // three likes, two days ago
        app.Clock.Advance(TimeSpan.FromDays(2));
        await LikeAsync(fans.Take(2), newHit.Id); // two likes, today
        await LikeAsync(fans.Take(1), quiet.Id);

        var (dayResponse, day) = await app.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(
            new() { Period = "day" }
        );
        var (_, all) = await app.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(
            new() { Period = "all", Limit = 2 }
        );
        var (_, week) = await app.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(new());

        dayResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        day!.Items.Select(a => a.Id).ShouldBe([newHit.Id, quiet.Id]);
        all!.Items.Select(a => a.Id).ShouldBe([oldFavourite.Id, newHit.Id]);
        week!.Period.ShouldBe("week");
        week.Items.Select(a => a.Id).ShouldBe([oldFavourite.Id, newHit.Id, quiet.Id]);
    }

    private static async Task<IEnumerable<Guid>> RankingAsync(TestApp app, string period) =>
        (
            await app.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(new() { Period = period })
        ).Result!.Items.Select(a => a.Id);

    /// <summary>
    /// The periods are kept as counters: a like leaves a period's ranking as it ages out of it, and
    /// taking back a like subtracts it only from the periods it still counts in (never twice, never
    /// below nothing).
    /// </summary>
    [Theory, AllDatabases]
    public async Task Likes_age_out_of_each_period_and_a_taken_back_like_counts_once(Db db)
    {
        // Both caches off: this test moves the clock, which neither cache follows (they keep answers 30 s of real time).
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Popular:CacheDuration"] = "00:00:00",
                ["OutputCache:Enabled"] = "false",
            }
        );
        var artist = await app.CreateUserAsync("artist");
        var fans = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => app.CreateUserAsync($"fan{i}")));
        var early = await artist.CreateArtworkAsync("Early");
        var later = await artist.CreateArtworkAsync("Later");
        await LikeAsync(fans, early.Id); // three likes at hour 0
        (await RankingAsync(app, "day")).ShouldBe([early.Id]); // the counters exist from here on

        app.Clock.Advance(TimeSpan.FromHours(12));
        await LikeAsync(fans.Take(2), later.Id); // two likes at hour 12
        (await RankingAsync(app, "day")).ShouldBe([early.Id, later.Id]);

        app.Clock.Advance(TimeSpan.FromHours(13)); // hour 25: early's likes left the day, not the week
        (await RankingAsync(app, "day")).ShouldBe([later.Id]);
        (await RankingAsync(app, "week")).ShouldBe([early.Id, later.Id]);

        // Two of early's likes taken back after they aged out of the day: the week loses them, the day
        // (which no longer counted them) does not go below nothing.
        foreach (var fan in fans.Take(2))
            (
                await fan.Client.DELETEAsync<Unlike.Endpoint, Unlike.Request>(new() { Id = early.Id })
            ).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RankingAsync(app, "week")).ShouldBe([later.Id, early.Id]);
        (await RankingAsync(app, "day")).ShouldBe([later.Id]);
        await LikeAsync(fans.Take(1), early.Id); // liked again: counted in the day afresh
        (await RankingAsync(app, "day")).ShouldBe([later.Id, early.Id]);

        app.Clock.Advance(TimeSpan.FromDays(30)); // everything left the month; "all" still has them
        (await RankingAsync(app, "month")).ShouldBeEmpty();
        (await RankingAsync(app, "week")).ShouldBeEmpty();
        (await RankingAsync(app, "all")).ShouldBe([later.Id, early.Id]); // two each: the newer id first
    }

    [Theory, AllDatabases]
    public async Task A_deleted_accounts_likes_leave_the_rankings(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Popular:CacheDuration"] = "00:00:00" }
        );
        var artist = await app.CreateUserAsync("artist");
        var leaving = await app.CreateUserAsync("leaving");
        var staying = await app.CreateUserAsync("staying");
        var first = await artist.CreateArtworkAsync("First");
        var second = await artist.CreateArtworkAsync("Second");
        await LikeAsync([leaving, staying], first.Id);
        await LikeAsync([staying], second.Id);
        (await RankingAsync(app, "week")).ShouldBe([first.Id, second.Id]);
        await LikeAsync([leaving], second.Id); // given after the counters were built

        (
            await leaving.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
                new() { Password = leaving.Password }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // One like each is left: the tie goes to the newer id, as it would had the account never existed.
        var expected = new[] { first.Id, second.Id }.OrderByDescending(id => id.ToString()).ToArray();
        (await RankingAsync(app, "day")).Count().ShouldBe(2);
        (await RankingAsync(app, "week")).ToHashSet().ShouldBe(expected.ToHashSet());
        await LikeAsync([artist], second.Id);
        (await RankingAsync(app, "month")).ShouldBe([second.Id, first.Id]);
    }

    [Theory, AllDatabases]
    public async Task The_cached_ranking_never_serves_another_users_likedByMe(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Popular:CacheDuration"] = "00:05:00" }
        );
        var artist = await app.CreateUserAsync("artist");
        var fan = await app.CreateUserAsync("fan");
        var other = await app.CreateUserAsync("other");
        var artwork = await artist.CreateArtworkAsync();
        await LikeAsync([fan], artwork.Id);

        var (_, forFan) = await fan.Client.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(new());
        var (_, forOther) = await other.Client.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(new());
        var anonymous = await app.Anonymous.GetStringAsync(TestHttp.UrlOf<Popular.Endpoint>());

        forFan!.Items.Single().LikedByMe.ShouldBe(true);
        forOther!.Items.Single().LikedByMe.ShouldBe(false);
        anonymous.ShouldNotContain("likedByMe");
    }

    [Theory, AllDatabases]
    public async Task With_the_cache_off_every_call_counts_afresh(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Popular:CacheDuration"] = "00:00:00" }
        );
        var artist = await app.CreateUserAsync("artist");
        var fan = await app.CreateUserAsync("fan");
        var first = await artist.CreateArtworkAsync("First");
        var second = await artist.CreateArtworkAsync("Second");
        await LikeAsync([fan], first.Id);

        var (response, before) = await app.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(new());
        await LikeAsync([artist, fan], second.Id);
        var (_, after) = await app.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        before!.Items.Select(a => a.Id).ShouldBe([first.Id]);
        after!.Items.Select(a => a.Id).ShouldBe([second.Id, first.Id]);
    }

    /// <summary>
    /// One ranking per period is counted and cached, and a limit is a slice of it: after the likes
    /// change, every limit still reads the one ranking counted first (a ranking per limit would count anew).
    /// </summary>
    [Theory, AllDatabases]
    public async Task Every_limit_is_a_slice_of_the_periods_one_cached_ranking(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Popular:CacheDuration"] = "00:05:00" }
        );
        var artist = await app.CreateUserAsync("artist");
        var fans = new[] { await app.CreateUserAsync("fan"), await app.CreateUserAsync("fan") };
        var most = await artist.CreateArtworkAsync("Most");
        var less = await artist.CreateArtworkAsync("Less");
        await LikeAsync(fans, most.Id);
        await LikeAsync([fans[0]], less.Id);
        async Task<IEnumerable<Guid>> Ranking(int limit) =>
            (
                await app.Anonymous.GETAsync<Popular.Endpoint, Popular.Query, Popular.Response>(new() { Limit = limit })
            ).Result!.Items.Select(a => a.Id);

        (await Ranking(1)).ShouldBe([most.Id]);
        await LikeAsync([fans[1], artist], less.Id); // now less leads, 3 to 2

        (await Ranking(2)).ShouldBe([most.Id, less.Id]);
        (await Ranking(100)).ShouldBe([most.Id, less.Id]);
    }

    [Theory]
    [AllDatabases("period=year", "period")]
    [AllDatabases("limit=0", "limit")]
    [AllDatabases("limit=101", "limit")]
    public async Task Bad_parameters_are_400(Db db, string query, string field)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.SendRawAsync<Popular.Endpoint>(query: query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
    }
}
