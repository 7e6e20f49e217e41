using System.Data.Common;
using System.Net;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Http;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Tests.Features.Hardening;

using CreateComment = ArtFolio.Features.Comments.Create;
using DeleteArtwork = ArtFolio.Features.Artworks.Delete;
using Like = ArtFolio.Features.Likes.Like;
using ListArtworks = ArtFolio.Features.Artworks.List;
using ListComments = ArtFolio.Features.Comments.List;
using Logout = ArtFolio.Features.Auth.Logout;

/// <summary>The smaller holes of the privacy and security review, each shown closed.</summary>
public sealed class Tests
{
    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task The_route_list_for_test_helpers_is_not_served_unless_asked_for(
        string? expose,
        HttpStatusCode expected
    )
    {
        var folder = Directory.CreateTempSubdirectory("artfolio-prod-").FullName;
        await using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Jwt:SigningKey", TestApp.SigningKey);
            b.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "artfolio.db")}");
            b.UseSetting("Media:LocalPath", Path.Combine(folder, "media"));
            b.UseSetting("FastEndpoints:ExposeTestUrlCache", expose);
        });

        var answer = await production.CreateClient().GetAsync("/_test_url_cache_");

        answer.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.NotFound)
            (await answer.Content.ReadAsStringAsync()).ShouldNotContain("ArtFolio.Features");
        Directory.Delete(folder, recursive: true);
    }

    private static bool IsArtworkCheck(DbCommand command) =>
        command.CommandText.StartsWith("SELECT", StringComparison.Ordinal)
        && command.CommandText.Contains("artworks")
        && command.CommandText.Contains("\"Title\"");

    /// <summary>
    /// Bob acts on Alice's artwork; just after his request has found it, Alice deletes it. Returns
    /// Bob's answer.
    /// </summary>
    private static async Task<HttpResponseMessage> ActOnAnArtworkDeletedMidRequestAsync(
        Db db,
        Func<HttpClient, Guid, Task<HttpResponseMessage>> act
    )
    {
        await using var app = await TestApp.StartAsync(db);
        var pause = new SqlPause();
        await using var host = app.WithInterceptor(pause);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await alice.CreateArtworkAsync();
        HttpStatusCode? deleted = null;
        pause.AfterRead(
            IsArtworkCheck,
            async () =>
                deleted = (
                    await host.ClientWithToken(alice.Auth.AccessToken)
                        .DELETEAsync<DeleteArtwork.Endpoint, DeleteArtwork.Request>(new() { Id = artwork.Id })
                ).StatusCode
        );

        var answer = await act(host.ClientWithToken(bob.Auth.AccessToken), artwork.Id);

        pause.Fired.ShouldBe(1);
        deleted.ShouldBe(HttpStatusCode.NoContent);
        return answer;
    }

    [Theory, AllDatabases]
    public async Task Liking_an_artwork_deleted_between_the_check_and_the_insert_is_404(Db db)
    {
        var like = await ActOnAnArtworkDeletedMidRequestAsync(
            db,
            (bob, id) => bob.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = id })
        );

        like.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await like.ReadProblemAsync()).Detail!.ShouldContain("artwork");
    }

    [Theory, AllDatabases]
    public async Task Commenting_on_an_artwork_deleted_between_the_check_and_the_insert_is_404(Db db)
    {
        var comment = await ActOnAnArtworkDeletedMidRequestAsync(
            db,
            (bob, id) =>
                bob.POSTAsync<CreateComment.Endpoint, CreateComment.Request>(new() { Id = id, Body = "Lovely" })
        );

        comment.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, AllDatabases]
    public async Task A_deprecated_endpoint_says_so_even_when_validation_fails(Db db)
    {
        var app = await TestApp.For(db);

        var invalid = await app.Anonymous.POSTAsync<Logout.Endpoint, Logout.Request>(new Logout.Request());

        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Headers.GetValues("Deprecation").Single().ShouldBe($"@{DeprecationHeaders.Date.ToUnixTimeSeconds()}");
        invalid.Headers.GetValues("Link").Single().ShouldBe("</api/v2/auth/logout>; rel=\"successor-version\"");
    }

    [Fact]
    public void Conditional_get_adds_to_vary_instead_of_replacing_it()
    {
        var http = new DefaultHttpContext();
        http.Response.Headers.Vary = "Accept-Encoding";

        ConditionalGet.IsNotModified(http, "v1");
        ConditionalGet.IsNotModified(http, "v1"); // twice: still once

        http.Response.Headers.Vary.ToArray().ShouldBe(["Accept-Encoding", "Authorization"]);
    }

    [Fact]
    public void The_images_policy_falls_back_to_its_own_window()
    {
        var auth = new RateLimitOptions { Window = TimeSpan.FromMinutes(1) };
        var images = new RateLimitOptions { Window = TimeSpan.FromMinutes(5) };

        RateLimitPolicies.WindowOf(RateLimitPolicies.Images, auth, images).ShouldBe(TimeSpan.FromMinutes(5));
        RateLimitPolicies.WindowOf(RateLimitPolicies.Auth, auth, images).ShouldBe(TimeSpan.FromMinutes(1));
    }

    public static TheoryData<string> CursorsMissingKeys =>
        new()
        {
            """{"Sort":"newest"}""",
            """{"Sort":"newest","Key":5}""",
            """{"Key":5,"Id":"0195c1f2-0000-7000-8000-000000000000"}""",
        };

    [Theory, AllDatabases(MemberName = nameof(CursorsMissingKeys))]
    public async Task A_cursor_that_decodes_but_lacks_its_keys_is_400(Db db, string json)
    {
        var app = await TestApp.For(db);
        var cursor = Base64UrlEncoder.Encode(json);

        var artworks = await app.Anonymous.SendRawAsync<ListArtworks.Endpoint>(query: $"cursor={cursor}");
        var comments = await app.Anonymous.SendRawAsync<ListComments.Endpoint>(
            route: new { Id = Guid.CreateVersion7() },
            query: $"cursor={Base64UrlEncoder.Encode("""{"Ticks":638000000000000000}""")}"
        );

        artworks.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await artworks.ReadProblemAsync()).Errors!.Keys.ShouldBe(["cursor"]);
        comments.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await comments.Content.ReadAsStringAsync());
    }
}
