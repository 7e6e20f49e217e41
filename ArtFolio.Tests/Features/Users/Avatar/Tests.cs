using System.Net;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Users.Avatar;

using Me = ArtFolio.Features.Users.Me;
using RemoveAvatar = ArtFolio.Features.Users.RemoveAvatar;
using SetAvatar = ArtFolio.Features.Users.SetAvatar;

public sealed class Tests
{
    private static Task<(HttpResponseMessage Response, Me.Response? Body)> SetAsync(HttpClient client, byte[]? file) =>
        client.SendRawAsync<SetAvatar.Endpoint, Me.Response>(TestMedia.Form(file, [], fileField: "image"));

    [Theory, AllDatabases]
    public async Task Setting_an_avatar_stores_it_and_replacing_it_deletes_the_old_files(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");

        var (first, me) = await SetAsync(alice.Client, TestMedia.Png(600, 600));
        var firstFiles = app.MediaFiles();
        var (second, again) = await SetAsync(alice.Client, TestMedia.Png(300, 300));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        me!.AvatarUrl.ShouldStartWith("/media/avatars/");
        again!.AvatarUrl.ShouldNotBe(me.AvatarUrl);
        (await app.Anonymous.GetAsync(again.AvatarUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Anonymous.GetAsync(me.AvatarUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.MediaFiles().Intersect(firstFiles).ShouldBeEmpty();
        app.MediaFiles().ShouldNotBeEmpty();
        (await app.QueryAsync(d => d.Users.SingleAsync(u => u.Id == alice.Id))).AvatarUrl.ShouldBe(again.AvatarUrl);
    }

    [Theory, AllDatabases]
    public async Task Removing_the_avatar_deletes_its_files_and_is_idempotent(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        await SetAsync(alice.Client, TestMedia.Png());

        var removed = await alice.Client.DELETEAsync<RemoveAvatar.Endpoint, EmptyRequest>(EmptyRequest.Instance);
        var again = await alice.Client.DELETEAsync<RemoveAvatar.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        app.MediaFiles().ShouldBeEmpty();
        var (_, me) = await alice.Client.GETAsync<Me.Endpoint, Me.Response>();
        me!.AvatarUrl.ShouldBeNull();
    }

    [Theory]
    [AllDatabases("video", HttpStatusCode.UnsupportedMediaType)]
    [AllDatabases("text", HttpStatusCode.UnsupportedMediaType)]
    [AllDatabases("bomb", HttpStatusCode.RequestEntityTooLarge)]
    [AllDatabases("none", HttpStatusCode.BadRequest)]
    [AllDatabases("truncated-png", HttpStatusCode.BadRequest)]
    [AllDatabases("corrupt-png", HttpStatusCode.BadRequest)]
    [AllDatabases("oversized-chunk", HttpStatusCode.BadRequest)]
    [AllDatabases("gif-header", HttpStatusCode.BadRequest)]
    public async Task Takes_images_only_under_the_same_rules_as_artworks(Db db, string kind, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        byte[]? file = kind switch
        {
            "video" => TestMedia.Mp4(),
            "text" => TestMedia.Text,
            "bomb" => TestMedia.PngBomb(),
            "truncated-png" => TestMedia.TruncatedPng(),
            "corrupt-png" => TestMedia.PngWithCorruptData(),
            "oversized-chunk" => TestMedia.PngWithOversizedChunk(),
            "gif-header" => TestMedia.GifHeaderOnly(),
            _ => null,
        };

        var (response, _) = await SetAsync(alice.Client, file);

        response.StatusCode.ShouldBe(expected);
        (await response.ReadProblemAsync()).Status.ShouldBe((int)expected);
        app.MediaFiles().ShouldBeEmpty();
        (
            await app.QueryAsync(d => d.Users.Where(u => u.Id == alice.Id).Select(u => u.AvatarKey).SingleAsync())
        ).ShouldBeNull();
    }

    [Theory, AllDatabases]
    public async Task The_field_name_of_earlier_releases_still_works(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var (response, me) = await alice.Client.SendRawAsync<SetAvatar.Endpoint, Me.Response>(
            TestMedia.Form(TestMedia.Png(), [], fileField: "file")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        me!.AvatarUrl.ShouldNotBeNull();
    }

    [Theory, AllDatabases]
    public async Task Needs_an_access_token(Db db)
    {
        var app = await TestApp.For(db);

        var (response, _) = await SetAsync(app.Anonymous, TestMedia.Png());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
