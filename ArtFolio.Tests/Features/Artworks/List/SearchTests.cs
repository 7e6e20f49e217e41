using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Search;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Artworks.List;

using List = ArtFolio.Features.Artworks.List;
using Update = ArtFolio.Features.Artworks.Update;

/// <summary>
/// Full-text search as a person searching meets it, on each database's own engine. Every test tags its
/// artworks with a word of its own (the marker) and searches for it too, so tests sharing a database
/// see only their own artworks.
/// </summary>
public sealed class SearchTests
{
    private static string Marker() => TestApp.Unique("m").Replace("_", "");

    private static async Task<List<Guid>> Found(TestApp app, string query)
    {
        var (response, page) = await app.Anonymous.SendRawAsync<List.Endpoint, Page<ArtworkResponse>>(query: query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. page!.Items.Select(a => a.Id)];
    }

    private static string Q(string words) => "q=" + Uri.EscapeDataString(words);

    [Theory, AllDatabases]
    public async Task Words_match_in_any_order_stemmed_and_the_last_as_a_prefix(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("searcher");
        var m = Marker();
        var lantern = await alice.CreateArtworkAsync("Lantern over the harbor", tags: m);
        var morning = await alice.CreateArtworkAsync("Morning painting", tags: m);
        var cranes = await alice.CreateArtworkAsync("Harbor cranes", tags: m);

        (await Found(app, Q($"harbor lantern {m}"))).ShouldBe([lantern.Id]); // not adjacent, not in order
        (await Found(app, Q($"{m} paintings"))).ShouldBe([morning.Id]); // stemming
        (await Found(app, Q($"{m} harb"))).ShouldBe([cranes.Id, lantern.Id], ignoreOrder: true); // typing
        (await Found(app, Q($"{m} lant"))).ShouldBe([lantern.Id]);
        (await Found(app, Q($"{m} harb "))).ShouldBeEmpty(); // a word finished with a space is whole
        (await Found(app, Q($"{m.ToUpperInvariant()} HARBOR"))).Count.ShouldBe(2); // any case
    }

    [Theory, AllDatabases]
    public async Task Quotes_make_a_phrase_and_a_minus_excludes(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("searcher");
        var m = Marker();
        var over = await alice.CreateArtworkAsync("Lantern over the harbor", tags: m);
        var festival = await alice.CreateArtworkAsync("Harbor lantern festival", tags: m);

        (await Found(app, Q($"\"harbor lantern\" {m}"))).ShouldBe([festival.Id]);
        (await Found(app, Q($"{m} \"lantern harbor\""))).ShouldBeEmpty();
        (await Found(app, Q($"{m} lantern -festival"))).ShouldBe([over.Id]);
        (await Found(app, Q($"{m} -\"harbor lantern\" lantern"))).ShouldBe([over.Id]);
    }

    [Theory, AllDatabases]
    public async Task Relevance_puts_the_title_over_the_tags_over_the_description_then_newest(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("searcher");
        var m = Marker();
        // Oldest first: a better tier must outrank every newer artwork of a weaker one.
        var inTitle = await alice.CreateArtworkAsync($"Saffron {m}");
        var inDescription = await alice.CreateArtworkAsync($"Fields {m}", description: "Under a saffron sky.");
        var inTags = await alice.CreateArtworkAsync($"Fields {m}", tags: "saffron");
        var newerInTitle = await alice.CreateArtworkAsync($"{m} in saffron");
        var newerInDescription = await alice.CreateArtworkAsync($"Meadow {m}", description: "Under a saffron sky.");
        var splitTitleAndDescription = await alice.CreateArtworkAsync("Saffron", description: m);

        List<Guid> expected =
        [
            newerInTitle.Id,
            inTitle.Id,
            inTags.Id,
            splitTitleAndDescription.Id, // one word in the description: found anywhere, newest there
            newerInDescription.Id,
            inDescription.Id,
        ];
        (await Found(app, Q($"saffron {m}"))).ShouldBe(expected);
        (await Found(app, $"{Q($"{m} saffron")}&sort=relevance")).ShouldBe(expected); // words in any order
        (await Found(app, $"{Q($"saffron {m}")}&category=painting")).ShouldBe(expected); // joined with a filter
        // Another sort still searches, in its own order; so do filters.
        (await Found(app, $"{Q($"saffron {m}")}&sort=oldest")).ShouldBe([
            inTitle.Id,
            inDescription.Id,
            inTags.Id,
            newerInTitle.Id,
            newerInDescription.Id,
            splitTitleAndDescription.Id,
        ]);
        (await Found(app, $"{Q($"saffron {m}")}&tag=saffron")).ShouldBe([inTags.Id]);
    }

    /// <summary>
    /// More matches than PostgreSQL's first look at the newest artworks holds: the one title match is
    /// older than all of them, and still comes first (through the tier's own index), typed whole or
    /// as a prefix.
    /// </summary>
    [Theory, AllDatabases]
    public async Task An_old_title_match_outranks_thousands_of_newer_description_matches(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["OutputCache:Enabled"] = "false" }
        );
        var alice = await app.CreateUserAsync("searcher");
        var m = Marker();
        var inTitle = await alice.CreateArtworkAsync($"Saffron {m}");
        var inDescription = await alice.CreateArtworkAsync($"Fields {m}", description: "A saffron sky.");
        var copies = PostgresArtworkSearch.Window + 100;
        await CopyArtworkAsync(app, inDescription.Id, copies);

        foreach (var q in new[] { $"saffron {m}", $"{m} saff" })
        {
            var found = await Found(app, $"{Q(q)}&limit=3");
            found[0].ShouldBe(inTitle.Id, q);
            found.ShouldNotContain(inDescription.Id, q); // the oldest of its tier
        }
        var newest = await Found(app, $"{Q($"saffron {m}")}&sort=newest&limit=1");
        (await Found(app, $"{Q($"saffron {m}")}&limit=2")).ShouldBe([inTitle.Id, newest[0]]);
    }

    /// <summary>Copies of an artwork with new ids, each a millisecond newer than the last, by SQL (thousands of uploads would take minutes).</summary>
    private static Task CopyArtworkAsync(TestApp app, Guid original, int copies) =>
        app.ExecuteAsync(async db =>
        {
            var postgres = app.Database == Db.Postgres;
            var columns = await db
                .Database.SqlQueryRaw<string>(
                    postgres
                        ? "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'artworks' AND is_generated = 'NEVER'"
                        : "SELECT name AS \"Value\" FROM pragma_table_info('artworks')"
                )
                .ToListAsync();
            var others = columns.Where(c => c is not ("Id" or "CreatedAt")).Select(c => $"\"{c}\"").ToList();
            var list = string.Join(", ", others);
            var sql = postgres
                ? $"INSERT INTO artworks (\"Id\", \"CreatedAt\", {list}) SELECT gen_random_uuid(), a.\"CreatedAt\" + i * interval '1 millisecond', {list} FROM artworks a, generate_series(1, {copies}) i WHERE a.\"Id\" = @p0"
                : $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies}) INSERT INTO artworks (\"Id\", \"CreatedAt\", {list}) SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), strftime('%Y-%m-%d %H:%M:%f', a.\"CreatedAt\", '+' || (i / 1000.0) || ' seconds'), {list} FROM artworks a, n WHERE a.\"Id\" = @p0";
            await db.Database.ExecuteSqlRawAsync(sql, postgres ? original : original.ToString().ToUpperInvariant());
        });

    /// <summary>Without another filter the engine ranks alone; with one, the search is joined with the filters.</summary>
    [Theory]
    [AllDatabases("")]
    [AllDatabases("&category=PAINTING")]
    public async Task Walking_relevance_pages_visits_every_match_once_in_order(Db db, string filter)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("searcher");
        var m = Marker();
        for (var i = 0; i < 7; i++)
            await alice.CreateArtworkAsync(
                i % 3 == 0 ? $"Tide {i}" : $"Study {i}",
                tags: i % 2 == 0 ? $"{m},tide" : m,
                description: i % 3 == 1 ? "The tide comes in." : null
            );
        var query = Q($"tide {m}") + filter;
        var whole = await Found(app, $"{query}&limit=100");
        whole.Count.ShouldBe(6); // by title (0, 3, 6), tag (0, 2, 4, 6) or description (1, 4): all but 5

        var walked = new List<Guid>();
        string? cursor = null;
        do
        {
            var (response, page) = await app.Anonymous.SendRawAsync<List.Endpoint, Page<ArtworkResponse>>(
                query: $"{query}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}"
            );
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            walked.AddRange(page!.Items.Select(a => a.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        walked.ShouldBe(whole);
    }

    [Theory, AllDatabases]
    public async Task An_edit_or_a_delete_is_searched_at_once(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("searcher");
        var m = Marker();
        var artwork = await alice.CreateArtworkAsync("Quiet orchard", tags: m);

        var (updated, _) = await alice.Client.PUTAsync<Update.Endpoint, Update.Request, ArtworkResponse>(
            new()
            {
                Id = artwork.Id,
                Title = "Loud carnival",
                Category = "painting",
                Tags = [m, "confetti"],
            }
        );
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Found(app, Q($"{m} orchard"))).ShouldBeEmpty();
        (await Found(app, Q($"{m} carnival"))).ShouldBe([artwork.Id]);
        (await Found(app, Q($"{m} confetti"))).ShouldBe([artwork.Id]); // the new tag
        (
            await alice.Client.DELETEAsync<
                ArtFolio.Features.Artworks.Delete.Endpoint,
                ArtFolio.Features.Artworks.Delete.Request
            >(new() { Id = artwork.Id })
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Found(app, Q($"{m} carnival"))).ShouldBeEmpty();
    }

    /// <summary>Engines' own syntax, typed by a person: never a 500, never an engine error.</summary>
    [Theory, AllDatabases]
    public async Task Whatever_a_person_types_is_searched_not_parsed_as_syntax(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("searcher");
        var m = Marker();
        var artwork = await alice.CreateArtworkAsync("Night market", tags: m);
        string[] hostile =
        [
            "\"",
            "\"\"",
            "AND",
            "OR NOT",
            "*",
            "NEAR(night market)",
            "title:night",
            "night -",
            "(((",
            "'",
            "\\",
            "-\"x\"",
            "^night",
            "\"unclosed phrase",
            "%_",
            ":*",
            "!night & | <-> market",
            "night:* & market",
            "'; DROP TABLE artworks; --",
            "\u0000",
            "日本 night",
            new string('a', 100),
        ];

        foreach (var text in hostile)
        {
            var (response, _) = await app.Anonymous.SendRawAsync<List.Endpoint, Page<ArtworkResponse>>(
                query: $"{Q(text)}&tag={m}"
            );
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"q={text}: {await response.Content.ReadAsStringAsync()}");
        }
        (await Found(app, Q($"{m} (night) market*"))).ShouldBe([artwork.Id]); // the words, not the operators
        (await Found(app, Q($"{m} NEAR(night market)"))).ShouldBeEmpty(); // NEAR is a word to find here
        (await Found(app, Q($"{m} night:market"))).ShouldBe([artwork.Id]); // a column filter in FTS5, two words here
        (await Found(app, Q($"{m} night:* & market"))).ShouldBe([artwork.Id]);
        (await Found(app, $"{Q("!!! ***")}&tag={m}")).ShouldBe([artwork.Id]); // no words: no search at all
    }

    [Theory, AllDatabases]
    public async Task Relevance_without_words_to_search_is_a_400_naming_sort(Db db)
    {
        var app = await TestApp.For(db);

        foreach (var query in new[] { "sort=relevance", "sort=relevance&q=%21%21" })
        {
            var (response, _) = await app.Anonymous.SendRawAsync<List.Endpoint, Page<ArtworkResponse>>(query: query);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["sort"]);
        }
    }

    [Theory]
    [InlineData("harbor lantern", "(\"harbor\" AND \"lantern\"*)", "('harbor') & ('lantern':*)")]
    [InlineData("harbor lantern ", "(\"harbor\" AND \"lantern\")", "('harbor') & ('lantern')")]
    [InlineData("\"harbor lantern\"", "(\"harbor lantern\")", "('harbor' <-> 'lantern')")]
    [InlineData("sci-fi -noir", "(\"sci fi\") NOT \"noir\"", "('sci' <-> 'fi') & !('noir')")]
    [InlineData("Ünïcode'; DROP", "(\"ünïcode\" AND \"drop\"*)", "('ünïcode') & ('drop':*)")]
    public void A_query_reaches_each_engine_as_quoted_words_only(string text, string fts5, string tsquery)
    {
        var query = SearchQuery.Parse(text)!;

        SqliteArtworkSearch.MatchExpression(query).ShouldBe(fts5);
        PostgresArtworkSearch.TsQuery(query).ShouldBe(tsquery);
    }

    [Theory]
    [InlineData(SearchTier.Title, "({Title} : (\"sea\" AND \"gul\"*)) NOT \"fog\" NOT \"rain\"")]
    [InlineData(
        SearchTier.TitleAndTags,
        "(({Title TagText} : (\"sea\" AND \"gul\"*)) NOT ({Title} : (\"sea\" AND \"gul\"*))) NOT \"fog\" NOT \"rain\""
    )]
    [InlineData(
        SearchTier.Anywhere,
        "((\"sea\" AND \"gul\"*) NOT ({Title TagText} : (\"sea\" AND \"gul\"*))) NOT \"fog\" NOT \"rain\""
    )]
    public void A_tier_on_SQLite_is_a_column_filter_less_the_better_tier(SearchTier tier, string fts5) =>
        SqliteArtworkSearch
            .TierExpression(SearchQuery.Parse("-fog sea -rain gul")!, tier) // gul, typed last, is a prefix
            .ShouldBe(fts5);

    [Fact]
    public void A_tier_on_PostgreSQL_reads_the_required_and_the_excluded_terms_apart()
    {
        var query = SearchQuery.Parse("-fog sea -rain gul")!;

        PostgresArtworkSearch.Required(query).ShouldBe("('sea') & ('gul':*)");
        PostgresArtworkSearch.Excluded(query).ShouldBe("('fog') | ('rain')");
        PostgresArtworkSearch.Excluded(SearchQuery.Parse("sea")!).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ***")]
    [InlineData("-excluded -\"only\"")]
    public void Text_without_a_word_to_find_is_no_search(string text) => SearchQuery.Parse(text).ShouldBeNull();
}
