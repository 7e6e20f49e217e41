using ArtFolio.Domain;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Brings media stored by older releases up to what uploads get now, in two one-time jobs: first
/// <see cref="JobName"/> cleans the images stored before uploads were cleaned (<see cref="Images.CleanAsync"/>),
/// every artwork image then every avatar; then <see cref="RenditionsJobName"/> gives every artwork image
/// and avatar that has none its renditions (and an artwork its preview), and moves its original out of
/// public reach. Either way an
/// image is read back from the store, cleaned, stored anew (<see cref="IMediaStore.StoreAsync"/>, under a
/// new name, so no cache keeps serving the old bytes), its row pointed at the new files, and the old files
/// deleted (an old public original's URL then stops working). A job's progress is a
/// <see cref="MaintenanceJob"/> row, saved with each row it changes: a restart resumes where it stopped,
/// and once done it never runs again. Several instances may start them: one at a time holds a job's lease.
/// </summary>
public sealed class StoredMediaCleaning(
    IServiceScopeFactory scopes,
    IMediaStore store,
    MediaOptions options,
    Evictions evictions,
    TimeProvider clock,
    ILogger<StoredMediaCleaning> logger
) : BackgroundService
{
    public const string JobName = "media-metadata-v1";
    public const string RenditionsJobName = "media-renditions-v2";
    private const string Artworks = "artworks";
    private const string Avatars = "avatars";
    private const int BatchSize = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CleanStoredMedia)
            return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            foreach (var name in new[] { JobName, RenditionsJobName })
                while (await RunBatchAsync(name, stoppingToken) is not BatchResult.Done)
                    await Task.Delay(TimeSpan.FromMilliseconds(50), clock, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            logger.LogError(e, "Cleaning the metadata of stored media stopped; it resumes at the next start");
        }
    }

    public enum BatchResult
    {
        /// <summary>Some rows were done; more may follow.</summary>
        Progress,

        /// <summary>Another instance holds the lease.</summary>
        Busy,

        /// <summary>Nothing is left (now or before).</summary>
        Done,
    }

    /// <summary>Takes (or extends) the cleaning job's lease and cleans up to one batch of rows.</summary>
    public Task<BatchResult> RunBatchAsync(CancellationToken cancellationToken) =>
        RunBatchAsync(JobName, cancellationToken);

    /// <summary>Takes (or extends) the lease of job <paramref name="name"/> and does up to one batch of rows.</summary>
    public async Task<BatchResult> RunBatchAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await TakeLeaseAsync(db, name, cancellationToken);
        if (job is null)
            return BatchResult.Busy;
        if (job.CompletedAt is not null)
            return BatchResult.Done;

        var done = job.Phase == Artworks ? await ArtworksAsync(db, job, cancellationToken) : 0;
        if (job.Phase == Artworks && done == 0)
            (job.Phase, job.After) = (Avatars, null);
        if (job.Phase == Avatars)
            done = await AvatarsAsync(db, job, cancellationToken);
        // Between batches the job is free: whichever instance comes next takes it on from the saved position.
        job.LeaseUntil = null;
        if (job.Phase == Avatars && done == 0)
        {
            job.CompletedAt = clock.GetUtcNow().UtcDateTime;
            logger.LogInformation(
                "Stored media job {Job} done: {Processed} files, {Failed} could not be read",
                name,
                job.Processed,
                job.Failed
            );
        }
        await db.SaveChangesAsync(cancellationToken);
        return job.CompletedAt is null ? BatchResult.Progress : BatchResult.Done;
    }

    /// <summary>The job's row, made on first start, if no other instance holds it now.</summary>
    private async Task<MaintenanceJob?> TakeLeaseAsync(
        AppDbContext db,
        string name,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.MaintenanceJobs.AnyAsync(j => j.Name == name, cancellationToken))
        {
            db.MaintenanceJobs.Add(
                new MaintenanceJob
                {
                    Name = name,
                    Phase = Artworks,
                    StartedAt = now,
                }
            );
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another instance made it first
            }
        }
        var until = now + Lease;
        // One conditional update: of two instances, one gets the lease.
        var taken = await db
            .MaintenanceJobs.Where(j =>
                j.Name == name && j.CompletedAt == null && (j.LeaseUntil == null || j.LeaseUntil < now)
            )
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancellationToken);
        var job = await db.MaintenanceJobs.SingleAsync(j => j.Name == name, cancellationToken);
        return taken == 1 || job.CompletedAt is not null ? job : null;
    }

    private async Task<int> ArtworksAsync(AppDbContext db, MaintenanceJob job, CancellationToken cancellationToken)
    {
        var after = job.After ?? Guid.Empty;
        // Images stored with renditions (a placeholder) were cleaned as they came: neither job takes them,
        // even when uploaded before the job first ran (a new deployment's first seconds).
        var images = db.Artworks.Where(a =>
            a.MediaKind == MediaKind.Image && a.Placeholder == null && a.Id.CompareTo(after) > 0
        );
        var artworks = await (
            job.Name == JobName ? images.Where(a => a.CreatedAt < job.StartedAt) : images // uploads since are clean
        )
            .OrderBy(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var artwork in artworks)
        {
            var old = artwork.Media;
            var cleaned = await CleanAsync(old, artwork.ImageUrl, MediaUse.Artwork, cancellationToken);
            if (cleaned is not null)
            {
                var (stored, file) = cleaned.Value;
                artwork.UseMedia(stored);
                (artwork.Width, artwork.Height, artwork.Bytes) = (file.Width, file.Height, file.Bytes);
                artwork.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            }
            await SaveStepAsync(
                db,
                job,
                artwork.Id,
                cleaned is null ? null : old,
                AnswerTags.ArtworkChanged(artwork.Id),
                cancellationToken
            );
        }
        return artworks.Count;
    }

    private async Task<int> AvatarsAsync(AppDbContext db, MaintenanceJob job, CancellationToken cancellationToken)
    {
        var after = job.After ?? Guid.Empty;
        // Avatars have no upload time of their own: every one not stored privately (as uploads are since
        // renditions came, cleaned) is taken; a clean one comes out the same.
        var users = await db
            .Users.Where(u =>
                u.AvatarKey != null && !u.AvatarKey.StartsWith(MediaRef.PrivatePrefix) && u.Id.CompareTo(after) > 0
            )
            .OrderBy(u => u.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            var old = user.Avatar!;
            // The avatar's URL is its thumbnail's; the original is read from the store by key.
            var cleaned = await CleanAsync(old, user.AvatarUrl!, MediaUse.Avatar, cancellationToken);
            if (cleaned is not null)
            {
                user.UseAvatar(cleaned.Value.Stored);
                user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            }
            await SaveStepAsync(
                db,
                job,
                user.Id,
                cleaned is null ? null : old,
                AnswerTags.UserChanged(user.Username),
                cancellationToken
            );
        }
        return users.Count;
    }

    /// <summary>
    /// The row and the job's position in one save; then the kept answers naming the old files are
    /// evicted, and the old files go once nothing names them.
    /// </summary>
    private async Task SaveStepAsync(
        AppDbContext db,
        MaintenanceJob job,
        Guid id,
        MediaRef? replaced,
        IReadOnlyCollection<string> answers,
        CancellationToken cancellationToken
    )
    {
        job.After = id;
        if (replaced is null)
            job.Failed++;
        else
            job.Processed++;
        job.LeaseUntil = clock.GetUtcNow().UtcDateTime + Lease;
        await db.SaveChangesAsync(cancellationToken);
        if (replaced is not null)
        {
            await evictions.EvictAnswersAsync(answers, CancellationToken.None);
            await store.DeleteAsync(replaced, CancellationToken.None);
        }
    }

    /// <summary>The original read back, cleaned and stored anew; null (and logged) if that cannot be done.</summary>
    private async Task<(StoredMedia Stored, ReceivedFile File)?> CleanAsync(
        MediaRef media,
        string url,
        MediaUse use,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(options.IncomingFolder());
        var original = Path.Combine(options.IncomingFolder(), $"clean-{Guid.NewGuid():N}");
        try
        {
            await store.CopyOriginalAsync(media, url, original, cancellationToken);
            MediaType? type;
            await using (var head = File.OpenRead(original))
            {
                var bytes = new byte[64];
                type = MediaType.Detect(
                    bytes.AsSpan(0, await head.ReadAtLeastAsync(bytes, 64, false, cancellationToken))
                );
            }
            var cleanPath = original + type?.Extension;
            var size =
                type?.Kind == MediaKind.Image
                    ? await Images.CleanAsync(original, cleanPath, type, cancellationToken)
                    : null;
            if (size is null)
            {
                logger.LogWarning("Stored media {Key} is not an image libvips can read; left as it is", media.Key);
                return null;
            }
            var file = new ReceivedFile(
                cleanPath,
                type!,
                new FileInfo(cleanPath).Length,
                size.Value.Width,
                size.Value.Height
            );
            await using (file)
                return (await store.StoreAsync(file, use, cancellationToken), file);
        }
        catch (MediaStorageException e)
        {
            logger.LogWarning(e, "Stored media {Key} could not be cleaned; left as it is", media.Key);
            return null;
        }
        finally
        {
            File.Delete(original);
        }
    }
}
