using System.Net;
using ArtFolio.Domain;
using ArtFolio.Features.Comments;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Notifications;

using Broadcast = ArtFolio.Features.Notifications.Broadcast;
using CreateComment = ArtFolio.Features.Comments.Create;
using DeleteArtwork = ArtFolio.Features.Artworks.Delete;
using Follow = ArtFolio.Features.Follows.Follow;
using Like = ArtFolio.Features.Likes.Like;
using List = ArtFolio.Features.Notifications.List;
using Read = ArtFolio.Features.Notifications.Read;
using ReadAll = ArtFolio.Features.Notifications.ReadAll;

public sealed class Tests
{
    private static async Task<List.Response> InboxAsync(TestUser user, int expected)
    {
        var inbox = await TestApp.EventuallyAsync(
            async () => (await user.Client.GETAsync<List.Endpoint, List.Query, List.Response>(new())).Result!,
            page => page.Items.Count >= expected
        );
        inbox.Items.Count.ShouldBe(expected);
        return inbox;
    }

    private static Task FollowAsync(TestUser who, TestUser whom) =>
        who.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = whom.Username });

    [Theory, AllDatabases]
    public async Task Follows_likes_and_comments_notify_the_other_person_never_yourself(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await alice.CreateArtworkAsync("Harbour");

        await FollowAsync(bob, alice);
        await bob.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id });
        await bob.Client.POSTAsync<CreateComment.Endpoint, CreateComment.Request>(
            new CreateComment.Request { Id = artwork.Id, Body = "Stunning" }
        );
        await alice.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id }); // her own: no notification
        await alice.Client.POSTAsync<CreateComment.Endpoint, CreateComment.Request>(
            new CreateComment.Request { Id = artwork.Id, Body = "Thanks!" }
        );

        var inbox = await InboxAsync(alice, 3);
        inbox
            .Items.Select(n => n.Type)
            .ShouldBe([NotificationTypes.Comment, NotificationTypes.Like, NotificationTypes.NewFollower]);
        inbox.Items.ShouldAllBe(n => n.Actor.Username == bob.Username && !n.Read);
        inbox.Items[0].ArtworkId.ShouldBe(artwork.Id);
        inbox.Items[0].Message.ShouldBe($"{bob.Username} commented on “Harbour”");
        inbox.Items[2].ArtworkId.ShouldBeNull();
        inbox.UnreadCount.ShouldBe(3);
        (await bob.Client.GETAsync<List.Endpoint, List.Query, List.Response>(new())).Result!.Items.ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task A_new_artwork_reaches_every_follower_but_not_the_artist(Db db)
    {
        var app = await TestApp.For(db);
        var artist = await app.CreateUserAsync("artist");
        var followers = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => app.CreateUserAsync($"f{i}")));
        var bystander = await app.CreateUserAsync("bystander");
        foreach (var follower in followers)
            await FollowAsync(follower, artist);

        var artwork = await artist.CreateArtworkAsync("Dawn");

        foreach (var follower in followers)
        {
            var item = (await InboxAsync(follower, 1)).Items.Single();
            (item.Type, item.ArtworkId, item.Message).ShouldBe(
                (NotificationTypes.NewArtwork, (Guid?)artwork.Id, $"{artist.Username} posted “Dawn”")
            );
        }
        (
            await app.QueryAsync(d =>
                d.Notifications.CountAsync(n =>
                    n.RecipientId == bystander.Id
                    || n.RecipientId == artist.Id && n.Type == NotificationTypes.NewArtwork
                )
            )
        ).ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task Marking_read_one_by_one_or_all_at_once(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var fans = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => app.CreateUserAsync($"fan{i}")));
        foreach (var fan in fans)
            await FollowAsync(fan, alice);
        var inbox = await InboxAsync(alice, 3);
        var mallory = await app.CreateUserAsync("mallory");

        var read = await alice.Client.POSTAsync<Read.Endpoint, Read.Request>(new() { Id = inbox.Items[0].Id });
        var again = await alice.Client.POSTAsync<Read.Endpoint, Read.Request>(new() { Id = inbox.Items[0].Id });
        var notHers = await mallory.Client.POSTAsync<Read.Endpoint, Read.Request>(new() { Id = inbox.Items[1].Id });
        var unknown = await alice.Client.POSTAsync<Read.Endpoint, Read.Request>(new() { Id = Guid.CreateVersion7() });
        var (_, afterOne) = await alice.Client.GETAsync<List.Endpoint, List.Query, List.Response>(new());
        var all = await alice.Client.POSTAsync<ReadAll.Endpoint, EmptyRequest>(EmptyRequest.Instance);
        var (_, afterAll) = await alice.Client.GETAsync<List.Endpoint, List.Query, List.Response>(new());

        (read.StatusCode, again.StatusCode).ShouldBe((HttpStatusCode.NoContent, HttpStatusCode.NoContent));
        notHers.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        afterOne!.UnreadCount.ShouldBe(2);
        afterOne.Items[0].Read.ShouldBeTrue();
        all.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        afterAll!.UnreadCount.ShouldBe(0);
        afterAll.Items.ShouldAllBe(n => n.Read);
    }

    [Theory, AllDatabases]
    public async Task A_broadcast_goes_to_all_followers(Db db)
    {
        var app = await TestApp.For(db);
        var artist = await app.CreateUserAsync("artist");
        var fans = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => app.CreateUserAsync($"fan{i}")));
        foreach (var fan in fans)
            await FollowAsync(fan, artist);

        var (response, accepted) = await artist.Client.POSTAsync<
            Broadcast.Endpoint,
            Broadcast.Request,
            Broadcast.Response
        >(new() { Message = "  Open studio on Saturday!  " });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        accepted!.Recipients.ShouldBe(2);
        foreach (var fan in fans)
        {
            var item = (await InboxAsync(fan, 1)).Items.Single();
            (item.Type, item.Message).ShouldBe((NotificationTypes.Broadcast, "Open studio on Saturday!"));
        }
    }

    [Theory]
    [AllDatabases("")]
    [AllDatabases(null)]
    public async Task A_broadcast_needs_1_to_500_characters(Db db, string? message)
    {
        var app = await TestApp.For(db);
        var artist = await app.CreateUserAsync("artist");

        var empty = await artist.Client.POSTAsync<Broadcast.Endpoint, Broadcast.Request>(
            new Broadcast.Request { Message = message }
        );
        var tooLong = await artist.Client.POSTAsync<Broadcast.Endpoint, Broadcast.Request>(
            new Broadcast.Request { Message = new string('m', 501) }
        );

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.ReadProblemAsync()).Errors!.Keys.ShouldBe(["message"]);
    }

    [Theory, AllDatabases]
    public async Task Deleting_an_artwork_removes_its_likes_comments_downloads_and_notifications(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var artwork = await alice.CreateArtworkAsync();
        await bob.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id });
        await bob.Client.POSTAsync<CreateComment.Endpoint, CreateComment.Request>(
            new CreateComment.Request { Id = artwork.Id, Body = "Keep this one" }
        );
        await bob.Client.POSTAsync<
            ArtFolio.Features.Downloads.Record.Endpoint,
            ArtFolio.Features.Downloads.Record.Request
        >(new() { Id = artwork.Id });
        await InboxAsync(alice, 2);

        await alice.Client.DELETEAsync<DeleteArtwork.Endpoint, DeleteArtwork.Request>(new() { Id = artwork.Id });

        var left = await app.QueryAsync(async d =>
            new[]
            {
                await d.Likes.CountAsync(l => l.ArtworkId == artwork.Id),
                await d.Comments.CountAsync(c => c.ArtworkId == artwork.Id),
                await d.Downloads.CountAsync(x => x.ArtworkId == artwork.Id),
                await d.Notifications.CountAsync(n => n.ArtworkId == artwork.Id),
            }
        );
        left.ShouldBe([0, 0, 0, 0]);
        (await alice.Client.GETAsync<List.Endpoint, List.Query, List.Response>(new())).Result!.Items.ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task Needs_an_access_token(Db db)
    {
        var app = await TestApp.For(db);

        (await app.Anonymous.GETAsync<List.Endpoint, List.Query>(new())).StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized
        );
        (await app.Anonymous.POSTAsync<ReadAll.Endpoint, EmptyRequest>(EmptyRequest.Instance)).StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized
        );
    }
}
