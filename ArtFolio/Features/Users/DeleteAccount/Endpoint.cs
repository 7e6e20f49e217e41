using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.DeleteAccount;

public sealed class Endpoint(
    AppDbContext db,
    ActiveSessions sessions,
    Evictions evictions,
    Passwords passwords,
    IMediaStore media,
    TimeProvider clock
) : Endpoint<Request, Results<NoContent, ValidationProblem, ProblemHttpResult>>
{
    public override void Configure()
    {
        Delete("users/me");
        Summary(s =>
        {
            s.Summary = "Delete the caller's account and everything it owns";
            s.ExampleRequest = new Request { Password = "analytical-engine" };
            s.Description =
                "Removes the user, their sessions and refresh tokens, artworks with their tags, and portfolio "
                + "entries in one transaction, then the stored files of their artworks and avatar.";
        });
    }

    public override async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var userId = User.UserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return AccountProblems.Gone();
        if (passwords.Verify(user, request.Password!) == PasswordCheck.Wrong)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["password"] = ["The password is wrong."] }
            );

        List<MediaRef> files;
        List<Guid> sessionIds;
        Counters.Touched touched;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Lock the user row first: an upload racing this deletion then fails its foreign key (and
            // removes its own file) instead of slipping in after the file list below was read.
            await db
                .Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(u => u.UpdatedAt, clock.GetUtcNow().UtcDateTime),
                    cancellationToken
                );
            files =
            [
                .. (
                    await db
                        .Artworks.Where(a => a.ArtistId == userId)
                        .Select(a => new
                        {
                            a.MediaKey,
                            a.ThumbnailKey,
                            a.MediaKind,
                            a.Renditions,
                        })
                        .ToListAsync(cancellationToken)
                ).Select(a => new MediaRef(a.MediaKey, a.ThumbnailKey, a.MediaKind)
                {
                    RenditionKeys = [.. a.Renditions.Select(r => r.Key).OfType<string>()],
                }),
            ];
            var avatar = (
                await db
                    .Users.Where(u => u.Id == userId && u.AvatarKey != null)
                    .Select(u => new
                    {
                        u.AvatarKey,
                        u.AvatarThumbnailKey,
                        u.AvatarRenditions,
                    })
                    .SingleOrDefaultAsync(cancellationToken)
            )
                is { } a
                ? new MediaRef(a.AvatarKey!, a.AvatarThumbnailKey, MediaKind.Image)
                {
                    RenditionKeys = [.. a.AvatarRenditions.Select(r => r.Key).OfType<string>()],
                }
                : null;
            if (avatar is not null)
                files.Add(avatar);
            sessionIds = await db
                .Sessions.Where(x => x.UserId == userId)
                .Select(x => x.Id)
                .ToListAsync(cancellationToken);
            // Sessions, refresh tokens, artworks with their tags, likes and comments, the portfolio, follows,
            // downloads and notifications all go by ON DELETE CASCADE.
            touched = await Counters.TouchedByAsync(db, userId, cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
            await Counters.RecountAsync(db, touched, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await sessions.ForgetAsync(sessionIds, CancellationToken.None);
        await evictions.EvictTagAsync(CacheTags.PopularRankings, CancellationToken.None);
        // Their artworks' answers go by their user tag; those they liked or commented on changed counts.
        await evictions.EvictAnswersAsync(
            [.. AnswerTags.UserChanged(user.Username), .. touched.Artworks.Select(AnswerTags.Artwork)],
            CancellationToken.None
        );

        foreach (var file in files)
            await media.DeleteAsync(file, CancellationToken.None);
        return TypedResults.NoContent();
    }
}
