using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Search;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;

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
        var inDescription = await alice.CreateArtworkAsync("Fields", tags: m, description: "Under a saffron sky.");
        var inTags = await alice.CreateArtworkAsync("Fields", tags: $"{m},saffron");
        var inTitle = await alice.CreateArtworkAsync("Saffron", tags: m);
        var newerInDescription = await alice.CreateArtworkAsync("Fields", tags: m, description: "Under a saffron sky.");

        (await Found(app, Q($"saffron {m}"))).ShouldBe([
            inTitle.Id,
            inTags.Id,
            newerInDescription.Id,
            inDescription.Id,
        ]);
        (await Found(app, $"{Q($"saffron {m}")}&sort=relevance")).ShouldBe([
            inTitle.Id,
            inTags.Id,
            newerInDescription.Id,
            inDescription.Id,
        ]);
        // Another sort still searches, in its own order; so do filters.
        (await Found(app, $"{Q($"saffron {m}")}&sort=newest")).ShouldBe([
            newerInDescription.Id,
            inTitle.Id,
            inTags.Id,
            inDescription.Id,
        ]);
        (await Found(app, $"{Q($"saffron {m}")}&tag=saffron")).ShouldBe([inTags.Id]);
    }

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
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ***")]
    [InlineData("-excluded -\"only\"")]
    public void Text_without_a_word_to_find_is_no_search(string text) => SearchQuery.Parse(text).ShouldBeNull();
}
