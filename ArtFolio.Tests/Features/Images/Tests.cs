using System.Diagnostics;
using System.Net;
using ArtFolio.Infrastructure.ImageSearch;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Images;

using Curated = ArtFolio.Features.Images.Curated;
using DownloadArtwork = ArtFolio.Features.Downloads.Record;
using Downloads = ArtFolio.Features.Downloads.List;
using Get = ArtFolio.Features.Images.Get;
using RecordExternal = ArtFolio.Features.Downloads.RecordExternal;
using Search = ArtFolio.Features.Images.Search;
using Status = ArtFolio.Features.Operations.Status;

/// <summary>Image search through Pexels, against a fake Pexels on loopback, and tracked downloads of what users find.</summary>
public sealed class Tests
{
    private static Task<TestResult<ExternalImagePage>> SearchAsync(
        TestApp app,
        string q,
        int? page = null,
        int? perPage = null
    ) =>
        app.Anonymous.GETAsync<Search.Endpoint, Search.Query, ExternalImagePage>(
            new()
            {
                Q = q,
                Page = page,
                PerPage = perPage,
            }
        );

    [Theory, AllDatabases]
    public async Task Search_answers_in_our_shape_with_the_credit_and_pages(Db db)
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings());

        var (response, first) = await SearchAsync(app, "harbour", page: 1, perPage: 50);
        var (_, last) = await SearchAsync(app, "harbour", page: 3, perPage: 50);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (first.Page, first.PerPage, first.Total, first.NextPage).ShouldBe((1, 50, FakePexels.TotalResults, (int?)2));
        first.Items.Count.ShouldBe(50);
        var photo = first.Items[0];
        photo.ShouldBe(
            new ExternalImage(
                "1000",
                "pexels",
                4000,
                3000,
                "Boats in a harbour at dawn",
                "#7E6F5C",
                "Joana Ribeiro",
                "https://www.pexels.com/@joana",
                "https://www.pexels.com/photo/harbour-at-dawn-1000/",
                new ExternalImageUrls(
                    "https://images.pexels.com/photos/1000/pexels-photo-1000.jpeg",
                    "https://images.pexels.com/photos/1000/pexels-photo-1000.jpeg?h=650&w=940",
                    "https://images.pexels.com/photos/1000/pexels-photo-1000.jpeg?h=350",
                    "https://images.pexels.com/photos/1000/pexels-photo-1000.jpeg?h=130",
                    "https://images.pexels.com/photos/1000/pexels-photo-1000.jpeg?h=200&w=280"
                )
            )
        );
        (last.Items.Count, last.NextPage).ShouldBe((23, (int?)null));
    }

    [Theory, AllDatabases]
    public async Task Identical_searches_are_answered_from_the_cache(Db db)
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings());

        await SearchAsync(app, "lighthouse");
        await SearchAsync(app, "lighthouse");
        await SearchAsync(app, "lighthouse", page: 2);

        pexels.CallsTo("/v1/search").ShouldBe(2);
    }

    [Theory, AllDatabases]
    public async Task Curated_and_one_photo_and_the_404s(Db db)
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings());

        var (curated, page) = await app.Anonymous.GETAsync<Curated.Endpoint, Curated.Query, ExternalImagePage>(
            new() { PerPage = 5 }
        );
        var (found, photo) = await app.Anonymous.GETAsync<Get.Endpoint, Get.Request, ExternalImage>(
            new() { Source = "pexels", Id = "2014422" }
        );
        var missing = await app.Anonymous.GETAsync<Get.Endpoint, Get.Request>(
            new() { Source = "pexels", Id = FakePexels.MissingPhoto.ToString() }
        );
        var otherSource = await app.Anonymous.GETAsync<Get.Endpoint, Get.Request>(
            new() { Source = "flickr", Id = "1" }
        );
        var notAnId = await app.Anonymous.GETAsync<Get.Endpoint, Get.Request>(new() { Source = "pexels", Id = "abc" });

        curated.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Items.Count.ShouldBe(5);
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (photo.Id, photo.Photographer).ShouldBe(("2014422", "Joana Ribeiro"));
        foreach (var response in new[] { missing, otherSource, notAnId })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await response.ReadProblemAsync()).Detail.ShouldNotBeNullOrEmpty();
        }
    }

    public static TheoryData<string, string> BadQueries =>
        new()
        {
            { "", "q" },
            { "q=" + new string('x', 201), "q" },
            { "q=boats&perPage=0", "perPage" },
            { "q=boats&perPage=81", "perPage" },
            { "q=boats&page=0", "page" },
            { "q=boats&orientation=diagonal", "orientation" },
            { "q=boats&color=plaid", "color" },
            { "q=boats&page=two", "page" },
        };

    [Theory, AllDatabases(MemberName = nameof(BadQueries))]
    public async Task Bad_input_is_400_by_name_and_asks_nothing_of_pexels(Db db, string query, string field)
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings());

        var response = await app.Anonymous.SendRawAsync<Search.Endpoint>(query: query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldContain(field);
        pexels.TotalCalls.ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task After_a_429_pexels_is_left_alone_until_its_reset(Db db)
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings());

        var limited = await SearchAsync(app, "ratelimited");
        var next = await SearchAsync(app, "anything else");

        foreach (var response in new[] { limited.Response, next.Response })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            int.Parse(response.Headers.RetryAfter!.ToString()).ShouldBeInRange(3500, 3600);
            (await response.ReadProblemAsync()).Detail!.ShouldContain("quota");
        }
        pexels.CallsTo("/v1/search").ShouldBe(1); // not retried, and not called again
        var (_, status) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
        status.Services["imageSearch"].Status.ShouldBe(Status.Endpoint.Degraded);
    }

    [Theory]
    [AllDatabases("boom", HttpStatusCode.BadGateway)]
    [AllDatabases("garbled", HttpStatusCode.BadGateway)]
    [AllDatabases("slow", HttpStatusCode.GatewayTimeout)]
    public async Task A_failing_or_slow_pexels_is_a_clear_5xx_problem_in_time_never_a_500(
        Db db,
        string query,
        HttpStatusCode expected
    )
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings(timeout: "00:00:01.500"));
        var clock = Stopwatch.StartNew();

        var (response, _) = await SearchAsync(app, query);

        response.StatusCode.ShouldBe(expected);
        (await response.ReadProblemAsync()).Detail!.ShouldContain("image library");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        if (query == "boom")
            pexels.CallsTo("/v1/search").ShouldBe(3); // the resilience handler's two retries
    }

    [Theory, AllDatabases]
    public async Task Without_a_key_search_is_503_and_status_shows_it_disabled_not_broken(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        var (response, _) = await SearchAsync(app, "boats");
        var (statusResponse, status) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.ReadProblemAsync()).Detail!.ShouldContain("not configured");
        statusResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.Services["imageSearch"].Status.ShouldBe(Status.Endpoint.Disabled);
        status.Status.ShouldBe(Status.Endpoint.Ok);
    }

    [Theory, AllDatabases]
    public async Task A_found_photo_is_recorded_as_a_download_beside_artwork_downloads(Db db)
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings());
        var artist = await app.CreateUserAsync("artist");
        var artwork = await artist.CreateArtworkAsync();
        var alice = await app.CreateUserAsync("alice");
        await alice.Client.POSTAsync<DownloadArtwork.Endpoint, DownloadArtwork.Request>(new() { Id = artwork.Id });
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        var (recorded, download) = await alice.Client.POSTAsync<
            RecordExternal.Endpoint,
            RecordExternal.Request,
            RecordExternal.Response
        >(new() { Source = "pexels", Id = "2014422" });
        var (_, list) = await alice.Client.GETAsync<
            Downloads.Endpoint,
            Downloads.Query,
            ArtFolio.Infrastructure.Endpoints.Page<Downloads.DownloadItem>
        >(new());

        recorded.StatusCode.ShouldBe(HttpStatusCode.Created);
        (download.Source, download.ImageId).ShouldBe(("pexels", "2014422"));
        download.DownloadUrl.ShouldBe("https://images.pexels.com/photos/2014422/pexels-photo-2014422.jpeg");
        list.Items.Select(i => i.Source).ShouldBe(["pexels", "artfolio"]); // newest first
        list.Items[0].Image!.Photographer.ShouldBe("Joana Ribeiro");
        list.Items[0].Image!.PageUrl.ShouldBe("https://www.pexels.com/photo/harbour-at-dawn-2014422/");
        list.Items[1].Artwork!.Id.ShouldBe(artwork.Id);
        (await app.QueryAsync(d => d.ExternalDownloads.CountAsync(x => x.UserId == alice.Id))).ShouldBe(1);
    }

    [Theory, AllDatabases]
    public async Task Downloads_are_listed_in_cursor_pages_across_both_kinds(Db db)
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings());
        var artist = await app.CreateUserAsync("artist");
        var alice = await app.CreateUserAsync("alice");
        for (var i = 0; i < 3; i++)
        {
            var artwork = await artist.CreateArtworkAsync($"Work {i}");
            await alice.Client.POSTAsync<DownloadArtwork.Endpoint, DownloadArtwork.Request>(new() { Id = artwork.Id });
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await alice.Client.POSTAsync<RecordExternal.Endpoint, RecordExternal.Request>(
                new() { Source = "pexels", Id = (5000 + i).ToString() }
            );
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<Downloads.DownloadItem>();
        string? cursor = null;
        do
        {
            var (_, page) = await alice.Client.GETAsync<
                Downloads.Endpoint,
                Downloads.Query,
                ArtFolio.Infrastructure.Endpoints.Page<Downloads.DownloadItem>
            >(new() { Limit = 4, Cursor = cursor });
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);

        seen.Count.ShouldBe(6);
        seen.Select(i => i.DownloadedAt).ShouldBeInOrder(SortDirection.Descending);
        seen.Select(i => i.Id).Distinct().Count().ShouldBe(6);
    }

    [Theory, AllDatabases]
    public async Task Recording_an_unknown_photo_is_404_and_keeps_nothing(Db db)
    {
        await using var pexels = await FakePexels.StartAsync();
        await using var app = await TestApp.StartAsync(db, pexels.Settings());
        var alice = await app.CreateUserAsync("alice");

        var missing = await alice.Client.POSTAsync<RecordExternal.Endpoint, RecordExternal.Request>(
            new() { Source = "pexels", Id = FakePexels.MissingPhoto.ToString() }
        );
        var badSource = await alice.Client.POSTAsync<RecordExternal.Endpoint, RecordExternal.Request>(
            new() { Source = "https://evil.example/steal", Id = "1" }
        );
        var anonymous = await app.Anonymous.POSTAsync<RecordExternal.Endpoint, RecordExternal.Request>(
            new() { Source = "pexels", Id = "1" }
        );

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        badSource.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badSource.ReadProblemAsync()).Errors!.Keys.ShouldBe(["source"]);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.QueryAsync(d => d.ExternalDownloads.CountAsync())).ShouldBe(0);
    }
}
