using System.Net;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Artworks.Popular;

using Like = ArtFolio.Features.Likes.Like;
using Popular = ArtFolio.Features.Artworks.Popular;

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
