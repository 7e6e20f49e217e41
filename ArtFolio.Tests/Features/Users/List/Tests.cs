using System.Net;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

namespace ArtFolio.Tests.Features.Users.List;

using List = ArtFolio.Features.Users.List;
using UpdateMe = ArtFolio.Features.Users.UpdateMe;

public sealed class Tests
{
    private static Task<(HttpResponseMessage Response, Page<UserSummary>? Body)> ListAsync(
        HttpClient client,
        string query
    ) => client.SendRawAsync<List.Endpoint, Page<UserSummary>>(query: query);

    [Theory, AllDatabases]
    public async Task Finds_artists_by_the_start_of_their_username_or_display_name_in_any_case_ranked(Db db)
    {
        var app = await TestApp.For(db);
        var marker = TestApp.Unique("zq").Replace("_", "");
        var byName = await app.CreateUserAsync($"{marker}a");
        var byDisplay = await app.CreateUserAsync("someone");
        await byDisplay.Client.PUTAsync<UpdateMe.Endpoint, UpdateMe.Request, ArtFolio.Features.Users.Me.Response>(
            new() { DisplayName = $"{marker.ToUpperInvariant()} Studio" }
        );
        await byName.CreateArtworkAsync();
        await byName.CreateArtworkAsync();

        var (response, page) = await ListAsync(app.Anonymous, $"q={marker.ToUpperInvariant()[..6]}{marker[6..]}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page!.Items.Select(u => u.Username).ShouldBe([byName.Username, byDisplay.Username]); // usernames first
        var summary = page.Items.Single(u => u.Username == byName.Username);
        (summary.ArtworkCount, summary.FollowerCount).ShouldBe((2, 0));
        summary.DisplayName.ShouldBe($"{marker}a tester");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("@example.com");
        (await ListAsync(app.Anonymous, $"q={marker[2..]}")).Body!.Items.ShouldBeEmpty(); // a prefix, not any substring
        // "someone_..." sorts before "zq...", but a username match ranks over a display-name match.
        (await ListAsync(app.Anonymous, $"q={byName.Username}"))
            .Body!.Items.Select(u => u.Username)
            .ShouldBe([byName.Username]);
    }

    [Theory, AllDatabases]
    public async Task Pages_walk_the_directory_by_username_once_each_in_one_query_a_page(Db db)
    {
        var app = await TestApp.For(db);
        var marker = TestApp.Unique("pw").Replace("_", "");
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
            names.Add((await app.CreateUserAsync($"{marker}{i}")).Username);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            using var sql = app.Sql.Start();
            var (_, page) = await ListAsync(
                app.Anonymous,
                $"q={marker}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}"
            );
            sql.Commands.Count.ShouldBe(1);
            seen.AddRange(page!.Items.Select(u => u.Username));
            cursor = page.NextCursor;
        } while (cursor is not null);

        seen.ShouldBe(names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [AllDatabases("limit=0", "limit")]
    [AllDatabases("limit=101", "limit")]
    [AllDatabases("cursor=%%%", "cursor")]
    public async Task Bad_parameters_are_400(Db db, string query, string field)
    {
        var app = await TestApp.For(db);

        var (response, _) = await ListAsync(app.Anonymous, query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
    }
}
