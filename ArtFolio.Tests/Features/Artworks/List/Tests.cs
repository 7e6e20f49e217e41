using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Artworks.List;

using List = ArtFolio.Features.Artworks.List;

public sealed class Tests
{
    private static Task<(HttpResponseMessage Response, Page<ArtworkResponse>? Body)> ListAsync(
        HttpClient client,
        string query
    ) => client.SendRawAsync<List.Endpoint, Page<ArtworkResponse>>(query: query);

    /// <summary>Follows nextCursor to the end; <paramref name="betweenPages"/> runs after each page.</summary>
    private static async Task<List<ArtworkResponse>> WalkAsync(
        HttpClient client,
        string query,
        Func<Task>? betweenPages = null
    )
    {
        var seen = new List<ArtworkResponse>();
        string? cursor = null;
        do
        {
            var (response, page) = await ListAsync(client, cursor is null ? query : $"{query}&cursor={cursor}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            seen.AddRange(page!.Items);
            cursor = page.NextCursor;
            if (betweenPages is not null)
                await betweenPages();
        } while (cursor is not null);
        return seen;
    }

    [Theory, AllDatabases]
    public async Task Walking_the_pages_visits_every_artwork_once_even_while_new_ones_arrive(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var originals = new List<Guid>();
        for (var i = 0; i < 7; i++)
            originals.Add((await alice.CreateArtworkAsync($"Work {i}")).Id);

        var added = new List<Guid>();
        var seen = await WalkAsync(
            app.Anonymous,
            $"artist={alice.Username}&limit=3",
            async () => added.Add((await alice.CreateArtworkAsync("Arrived mid-walk")).Id)
        );

        var ids = seen.Select(a => a.Id).ToList();
        ids.ShouldBeUnique();
        ids.Where(originals.Contains).ShouldBe(Enumerable.Reverse(originals), "newest first, each original once");
        ids.ShouldNotContain(id => added.Contains(id)); // newer than the walk's start: before its first page
    }

    [Theory, AllDatabases]
    public async Task Every_sort_orders_and_pages_consistently(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var prices = new string?[] { "5", null, "20", "5", "12.5", null };
        var created = new List<ArtworkResponse>();
        foreach (var price in prices)
            created.Add(await alice.CreateArtworkAsync(price: price));
        var likes = new[] { 3, 0, 7, 3, 1, 9 };
        for (var i = 0; i < created.Count; i++)
        {
            var (id, count) = (created[i].Id, likes[i]);
            await app.ExecuteAsync(d =>
                d.Artworks.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.LikeCount, count))
            );
        }

        foreach (var sort in new[] { "newest", "oldest", "popular", "price_asc", "price_desc" })
        {
            var paged = await WalkAsync(app.Anonymous, $"artist={alice.Username}&sort={sort}&limit=2");
            var (_, whole) = await ListAsync(app.Anonymous, $"artist={alice.Username}&sort={sort}&limit=100");

            paged.Select(a => a.Id).ShouldBe(whole!.Items.Select(a => a.Id), $"paging {sort}");
            paged.Count.ShouldBe(6);
            var expected = sort switch
            {
                "newest" => paged.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id),
                "oldest" => paged.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id),
                "popular" => paged.OrderByDescending(a => a.LikeCount).ThenByDescending(a => a.Id),
                "price_asc" => paged.OrderBy(a => a.Price ?? decimal.MaxValue).ThenBy(a => a.Id),
                _ => paged.OrderByDescending(a => a.Price ?? -1).ThenByDescending(a => a.Id),
            };
            paged.Select(a => a.Id).ShouldBe(expected.Select(a => a.Id), $"order of {sort}");
        }
    }

    [Theory, AllDatabases]
    public async Task Filters_narrow_the_listing(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var marker = TestApp.Unique("m").Replace("_", "");
        var cheapRed = await alice.CreateArtworkAsync(
            $"Cheap red {marker}",
            "Painting",
            price: "5",
            tags: $"red,{marker}"
        );
        var dearBlue = await alice.CreateArtworkAsync(
            "Dear blue",
            "Photo",
            price: "500",
            tags: marker,
            description: $"About {marker.ToUpperInvariant()}"
        );
        var unpriced = await bob.CreateArtworkAsync("Free", "painting", tags: marker);

        async Task<IEnumerable<Guid>> Ids(string query) =>
            (await ListAsync(app.Anonymous, $"{query}&tag={marker}")).Body!.Items.Select(a => a.Id);

        (await Ids("category=PAINTING")).ShouldBe([unpriced.Id, cheapRed.Id]);
        (await Ids($"artist={alice.Username.ToUpperInvariant()}")).ShouldBe([dearBlue.Id, cheapRed.Id]);
        (await Ids("minPrice=10")).ShouldBe([dearBlue.Id]);
        (await Ids("maxPrice=10")).ShouldBe([cheapRed.Id]);
        (await Ids("minPrice=5&maxPrice=5")).ShouldBe([cheapRed.Id]);
        (await Ids("q=cheap")).ShouldBe([cheapRed.Id]);
        (await Ids($"q={marker.ToUpperInvariant()}&sort=newest")).ShouldBe([unpriced.Id, dearBlue.Id, cheapRed.Id]); // title, description, tags
        (await Ids("q=red")).ShouldBe([cheapRed.Id]);
        (await ListAsync(app.Anonymous, "tag=RED&q=" + marker)).Body!.Items.Select(a => a.Id).ShouldBe([cheapRed.Id]);
        (await Ids("artist=nobody_at_all")).ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task A_page_is_one_sql_query_whatever_its_size(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        for (var i = 0; i < 12; i++)
            await alice.CreateArtworkAsync(tags: "one,two,three");

        foreach (var limit in new[] { 2, 12 })
        {
            using var sql = app.Sql.Start();
            var (response, page) = await ListAsync(alice.Client, $"artist={alice.Username}&limit={limit}&sort=popular");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page!.Items.Count.ShouldBe(limit);
            page.Items.ShouldAllBe(a => a.Tags.Count == 3 && a.Artist.Username == alice.Username && a.IsOwner);
            sql.Commands.Count.ShouldBe(1, string.Join("\n---\n", sql.Commands));
        }
    }

    [Theory]
    [AllDatabases("newest")]
    [AllDatabases("price_asc")]
    public async Task Every_cursor_runs_the_same_parameterised_sql(Db db, string sort)
    {
        // The SQL is under test: pages read twice must reach the database, not the output cache.
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["OutputCache:Enabled"] = "false" }
        );
        var alice = await app.CreateUserAsync("alice");
        for (var i = 0; i < 3; i++)
            await alice.CreateArtworkAsync(price: (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var first = (await ListAsync(app.Anonymous, $"artist={alice.Username}&limit=1&sort={sort}")).Body!;
        var second = (
            await ListAsync(app.Anonymous, $"artist={alice.Username}&limit=1&sort={sort}&cursor={first.NextCursor}")
        ).Body!;

        var statements = new List<string>();
        foreach (var cursor in new[] { first.NextCursor, second.NextCursor })
        {
            using var sql = app.Sql.Start();
            var (response, _) = await ListAsync(
                app.Anonymous,
                $"artist={alice.Username}&limit=1&sort={sort}&cursor={cursor}"
            );
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            statements.AddRange(sql.Commands);
        }

        // Cursor values are parameters: one SQL text (one cached query, one prepared statement) for every page.
        statements.Count.ShouldBe(2);
        statements[1].ShouldBe(statements[0]);
        statements[0].ShouldNotContain(second.Items[0].Id.ToString(), Case.Insensitive);
    }

    [Theory]
    [AllDatabases("limit=0", "limit")]
    [AllDatabases("limit=101", "limit")]
    [AllDatabases("sort=random", "sort")]
    [AllDatabases("minPrice=-1", "minPrice")]
    [AllDatabases("minPrice=10&maxPrice=5", "maxPrice")]
    [AllDatabases("cursor=not-a-cursor", "cursor")]
    [AllDatabases("minPrice=79228162514264337593543950335", "minPrice")]
    [AllDatabases("maxPrice=79228162514264337593543950335", "maxPrice")]
    [AllDatabases(
        "cursor=eyJTb3J0IjoibmV3ZXN0IiwiS2V5IjotNSwiSWQiOiIwMWExZmU4NS0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDAifQ",
        "cursor"
    )] // newest, ticks -5
    [AllDatabases(
        "sort=popular&cursor=eyJTb3J0IjoicG9wdWxhciIsIktleSI6OTk5OTk5OTk5OTk5LCJJZCI6IjAxYTFmZTg1LTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMCJ9",
        "cursor"
    )] // likes beyond int
    [AllDatabases("cursor=bnVsbA", "cursor")] // the JSON null
    public async Task Bad_parameters_are_400_by_name(Db db, string query, string field)
    {
        var app = await TestApp.For(db);

        var (response, _) = await ListAsync(app.Anonymous, query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
    }

    [Theory]
    [AllDatabases("limit=abc")]
    [AllDatabases("minPrice=cheap")]
    public async Task Wrong_types_are_400_without_internals(Db db, string query)
    {
        var app = await TestApp.For(db);

        var (response, _) = await ListAsync(app.Anonymous, query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Detail!.ShouldNotContain("Nullable");
        problem.Detail!.ShouldContain(query.Split('=')[0]);
    }

    [Theory, AllDatabases]
    public async Task A_cursor_from_another_sort_is_refused(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        await alice.CreateArtworkAsync();
        await alice.CreateArtworkAsync();
        var (_, page) = await ListAsync(app.Anonymous, $"artist={alice.Username}&limit=1&sort=oldest");

        var (response, _) = await ListAsync(
            app.Anonymous,
            $"artist={alice.Username}&limit=1&sort=popular&cursor={page!.NextCursor}"
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, AllDatabases]
    public async Task The_default_page_is_twenty_and_the_last_page_has_no_cursor(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        for (var i = 0; i < 21; i++)
            await alice.CreateArtworkAsync();

        var (_, first) = await ListAsync(app.Anonymous, "sort=newest");
        var (_, second) = await ListAsync(app.Anonymous, $"cursor={first!.NextCursor}");

        first.Items.Count.ShouldBe(20);
        first.NextCursor.ShouldNotBeNull();
        second!.Items.Count.ShouldBe(1);
        second.NextCursor.ShouldBeNull();
    }
}
