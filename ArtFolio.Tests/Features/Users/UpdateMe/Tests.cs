using System.Net;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Users.UpdateMe;

using Me = ArtFolio.Features.Users.Me;
using Profile = ArtFolio.Features.Users.Profile;
using UpdateMe = ArtFolio.Features.Users.UpdateMe;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Edits_the_profile_and_clears_what_is_left_out(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var (response, me) = await alice.Client.PUTAsync<UpdateMe.Endpoint, UpdateMe.Request, Me.Response>(
            new()
            {
                DisplayName = "  Alice A.  ",
                Bio = "Paints light.",
                Location = "Lisbon",
                Website = "https://alice.example/portfolio",
            }
        );
        var (_, cleared) = await alice.Client.PUTAsync<UpdateMe.Endpoint, UpdateMe.Request, Me.Response>(
            new() { DisplayName = "Alice A.", Bio = "Paints light." }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (me!.DisplayName, me.Bio, me.Location, me.Website).ShouldBe(
            ("Alice A.", "Paints light.", "Lisbon", "https://alice.example/portfolio")
        );
        (cleared!.Location, cleared.Website).ShouldBe((null, null));
        var (_, profile) = await app.Anonymous.GETAsync<Profile.Endpoint, Profile.Request, Profile.Response>(
            new() { Username = alice.Username }
        );
        (profile!.DisplayName, profile.Bio, profile.Location).ShouldBe(("Alice A.", "Paints light.", null));
    }

    public static TheoryData<string, string> Invalid =>
        new()
        {
            { "{\"displayName\":\"" + new string('d', 61) + "\"}", "displayName" },
            { "{\"bio\":\"" + new string('b', 1001) + "\"}", "bio" },
            { "{\"location\":\"" + new string('l', 101) + "\"}", "location" },
            { "{\"website\":\"alice.example\"}", "website" },
            { "{\"website\":\"/relative/path\"}", "website" },
            { "{\"website\":\"ftp://alice.example\"}", "website" },
            { "{\"website\":\"javascript:alert(1)\"}", "website" },
        };

    [Theory, AllDatabases(MemberName = nameof(Invalid))]
    public async Task Invalid_fields_are_400_by_name(Db db, string json, string field)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await alice.Client.SendRawAsync<UpdateMe.Endpoint>(
            new StringContent(json, System.Text.Encoding.UTF8, "application/json")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
    }

    [Theory, AllDatabases]
    public async Task Username_email_counts_and_ids_cannot_be_set(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await alice.Client.SendRawAsync<UpdateMe.Endpoint>(
            new
            {
                displayName = "ok",
                username = "hijacked",
                email = "evil@example.com",
                followerCount = 1_000_000,
                id = Guid.CreateVersion7(),
                passwordHash = "x",
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await app.QueryAsync(d => d.Users.AsNoTracking().SingleAsync(u => u.Id == alice.Id));
        (stored.Username, stored.Email, stored.FollowerCount).ShouldBe((alice.Username, alice.Email, 0));
        stored.PasswordHash.ShouldNotBe("x");
    }

    [Theory, AllDatabases]
    public async Task Needs_an_access_token(Db db)
    {
        var app = await TestApp.For(db);

        var response = await app.Anonymous.PUTAsync<UpdateMe.Endpoint, UpdateMe.Request>(
            new UpdateMe.Request { DisplayName = "x" }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
