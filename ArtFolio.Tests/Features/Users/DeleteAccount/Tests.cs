using System.Net;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Users.DeleteAccount;

using AddSkill = ArtFolio.Features.Portfolio.Skills.Add;
using DeleteAccount = ArtFolio.Features.Users.DeleteAccount;
using Login = ArtFolio.Features.Auth.Login;
using Profile = ArtFolio.Features.Users.Profile;
using Refresh = ArtFolio.Features.Auth.Refresh;
using SetAvatar = ArtFolio.Features.Users.SetAvatar;
using Skills = ArtFolio.Features.Portfolio.Skills;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Removes_the_account_and_everything_it_owns_and_nothing_else(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        await alice.CreateArtworkAsync("One", tags: "a,b");
        await alice.CreateArtworkAsync("Two");
        var bobs = await bob.CreateArtworkAsync("Bob's");
        await alice.Client.SendRawAsync<SetAvatar.Endpoint, object>(
            TestMedia.Form(TestMedia.Png(), [], fileField: "file")
        );
        await alice.Client.POSTAsync<AddSkill.Endpoint, Skills.Request, Skills.Response>(new() { Name = "Etching" });
        await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(
            new Login.Request { Username = alice.Username, Password = alice.Password }
        );
        // A stored file's name starts with its media's name, the thumbnail's whole name.
        var bobsMedia = Path.GetFileNameWithoutExtension(bobs.ThumbnailUrl);
        var bobFiles = app.MediaFiles().Where(f => f.Contains(bobsMedia)).ToList();
        var bobsOriginal = app.PrivateMediaFiles().Single(f => f.Contains(bobsMedia));

        var response = await alice.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
            new DeleteAccount.Request { Password = alice.Password }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var left = await app.QueryAsync(async d => new
        {
            Users = await d.Users.CountAsync(u => u.Id == alice.Id),
            Sessions = await d.Sessions.CountAsync(s => s.UserId == alice.Id),
            Tokens = await d.RefreshTokens.CountAsync(t => t.Session.UserId == alice.Id),
            Artworks = await d.Artworks.CountAsync(a => a.ArtistId == alice.Id),
            Tags = await d.ArtworkTags.CountAsync(),
            Skills = await d.PortfolioSkills.CountAsync(s => s.UserId == alice.Id),
            BobsArtworks = await d.Artworks.CountAsync(a => a.ArtistId == bob.Id),
        });
        left.ShouldBe(
            new
            {
                Users = 0,
                Sessions = 0,
                Tokens = 0,
                Artworks = 0,
                Tags = 0,
                Skills = 0,
                BobsArtworks = 1,
            }
        );
        app.MediaFiles().Order().ShouldBe(bobFiles.Order()); // alice's renditions, thumbnails and avatar are gone
        app.PrivateMediaFiles().ShouldBe([bobsOriginal]); // and her originals
        (
            await app.Anonymous.POSTAsync<Refresh.Endpoint, Refresh.Request>(
                new Refresh.Request { RefreshToken = alice.Auth.RefreshToken }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (
            await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request>(
                new Login.Request { Email = alice.Email, Password = alice.Password }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (
            await app.Anonymous.GETAsync<Profile.Endpoint, Profile.Request>(new() { Username = alice.Username })
        ).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, AllDatabases]
    public async Task A_wrong_password_deletes_nothing(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        await alice.CreateArtworkAsync();

        var response = await alice.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
            new DeleteAccount.Request { Password = "not my password" }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["password"]);
        (await app.QueryAsync(d => d.Artworks.CountAsync(a => a.ArtistId == alice.Id))).ShouldBe(1);
    }

    [Theory, AllDatabases]
    public async Task Without_a_body_or_a_token_it_is_refused(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var noBody = await alice.Client.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(new());
        var noToken = await app.Anonymous.DELETEAsync<DeleteAccount.Endpoint, DeleteAccount.Request>(
            new DeleteAccount.Request { Password = alice.Password }
        );

        noBody.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.QueryAsync(d => d.Users.CountAsync(u => u.Id == alice.Id))).ShouldBe(1);
    }
}
