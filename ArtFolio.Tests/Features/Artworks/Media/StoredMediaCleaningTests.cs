using System.Net;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArtFolio.Tests.Features.Artworks.Media;

using Me = ArtFolio.Features.Users.Me;
using SetAvatar = ArtFolio.Features.Users.SetAvatar;

/// <summary>Media stored before uploads were cleaned: the one-time job cleans it, resumes after a restart, and runs once.</summary>
public sealed class StoredMediaCleaningTests
{
    [Theory, AllDatabases]
    public async Task Cleans_what_was_stored_before_resumes_after_a_restart_and_runs_once(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Media:CleanStoredMedia"] = "false" }
        );
        var alice = await app.CreateUserAsync("alice");
        var tagged = await TaggedPhotos.CreateAsync("jpg");
        // 23 artworks and an avatar as an older release stored them: the upload's bytes, tags and all.
        var artworks = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            var (_, artwork) = await alice.Client.UploadAsync(
                TestMedia.Jpeg,
                ("title", $"Old {i}"),
                ("category", "Photo")
            );
            artworks.Add(artwork!.Id);
        }
        var (_, me) = await alice.Client.SendRawAsync<SetAvatar.Endpoint, Me.Response>(
            TestMedia.Form(TestMedia.Jpeg, [], fileField: "image")
        );
        me.ShouldNotBeNull();
        var oldKeys = new List<string>();
        foreach (var id in artworks)
            oldKeys.Add((await RenditionTests.StoreTheOldWayAsync(app, id, tagged, ".jpg"))["/media/".Length..]);
        var avatarKey = await RenditionTests.StoreAvatarTheOldWayAsync(app, alice.Id, tagged, ".jpg");
        app.Clock.Advance(TimeSpan.FromHours(1)); // the new release starts later
        var firstArtwork = new ArtFolio.Features.Artworks.Get.Request { Id = artworks[0] };
        // Read anonymously before the job: the output cache keeps an answer naming the old files.
        await app.Anonymous.GETAsync<ArtFolio.Features.Artworks.Get.Endpoint, ArtFolio.Features.Artworks.Get.Request>(
            firstArtwork
        );

        var first = app.Services.GetRequiredService<StoredMediaCleaning>();
        (await first.RunBatchAsync(CancellationToken.None)).ShouldBe(StoredMediaCleaning.BatchResult.Progress);
        var afterOneBatch = await JobAsync(app);
        (afterOneBatch.Phase, afterOneBatch.Processed).ShouldBe(("artworks", 20));

        // The instance dies in its next batch, holding the lease; the next one waits it out, then goes on from the 21st.
        var crashedUntil = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        await app.ExecuteAsync(d =>
            d.MaintenanceJobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, crashedUntil))
        );
        await using var next = app.StartSibling();
        next.Clock.Advance(TimeSpan.FromHours(1));
        var resumed = next.Services.GetRequiredService<StoredMediaCleaning>();
        (await resumed.RunBatchAsync(CancellationToken.None)).ShouldBe(StoredMediaCleaning.BatchResult.Busy);
        next.Clock.Advance(TimeSpan.FromMinutes(6));
        var batches = 0;
        while (await resumed.RunBatchAsync(CancellationToken.None) != StoredMediaCleaning.BatchResult.Done)
            batches++.ShouldBeLessThan(10);

        var job = await JobAsync(app);
        job.CompletedAt.ShouldNotBeNull();
        (job.Processed, job.Failed).ShouldBe((24, 0)); // each file once
        foreach (var id in artworks)
        {
            var artwork = await app.QueryAsync(d => d.Artworks.SingleAsync(a => a.Id == id));
            (artwork.Width, artwork.Height).ShouldBe((30, 60));
            oldKeys.ShouldNotContain(artwork.MediaKey);
            TaggedPhotos.AssertClean(await app.Anonymous.GetByteArrayAsync(artwork.ImageUrl), artwork.ImageUrl);
            TaggedPhotos.AssertClean(await app.Anonymous.GetByteArrayAsync(artwork.ThumbnailUrl), artwork.ThumbnailUrl);
        }
        foreach (var key in oldKeys.Append(avatarKey))
            File.Exists(Path.Combine(app.MediaRoot, key)).ShouldBeFalse(key);
        var (_, served) = await app.Anonymous.GETAsync<
            ArtFolio.Features.Artworks.Get.Endpoint,
            ArtFolio.Features.Artworks.Get.Request,
            ArtFolio.Features.Artworks.ArtworkResponse
        >(firstArtwork);
        served!.ImageUrl.ShouldBe(
            (await app.QueryAsync(d => d.Artworks.SingleAsync(a => a.Id == artworks[0]))).ImageUrl,
            "the kept answer naming the deleted files was evicted"
        );
        var user = await app.QueryAsync(d => d.Users.SingleAsync(u => u.Id == alice.Id));
        user.AvatarKey.ShouldNotBe(avatarKey);
        TaggedPhotos.AssertClean(await File.ReadAllBytesAsync(RenditionTests.FileOf(app, user.AvatarKey!)), "avatar");
        (await app.Anonymous.GetAsync(user.AvatarUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Done is done: nothing is read or rewritten again, on either instance.
        var key0 = await app.QueryAsync(d =>
            d.Artworks.Where(a => a.Id == artworks[0]).Select(a => a.MediaKey).SingleAsync()
        );
        key0.ShouldStartWith("private/"); // cleaned and stored as uploads are now: the original kept private
        var original0 = Path.Combine(app.PrivateMediaRoot, key0["private/".Length..]);
        await File.WriteAllBytesAsync(original0, tagged);
        (await first.RunBatchAsync(CancellationToken.None)).ShouldBe(StoredMediaCleaning.BatchResult.Done);
        (await resumed.RunBatchAsync(CancellationToken.None)).ShouldBe(StoredMediaCleaning.BatchResult.Done);
        (await File.ReadAllBytesAsync(original0)).ShouldBe(tagged);
        (await JobAsync(app)).Processed.ShouldBe(24);
    }

    private static Task<MaintenanceJob> JobAsync(TestApp app) =>
        app.QueryAsync(d => d.MaintenanceJobs.AsNoTracking().SingleAsync(j => j.Name == StoredMediaCleaning.JobName));
}
