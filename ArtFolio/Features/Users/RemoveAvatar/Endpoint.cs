using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.RemoveAvatar;

public sealed class Endpoint(AppDbContext db, IMediaStore media, Evictions evictions, TimeProvider clock)
    : EndpointWithoutRequest<Results<NoContent, ProblemHttpResult>>
{
    public override void Configure()
    {
        Delete("users/me/avatar");
        Summary(s =>
        {
            s.Summary = "Remove the caller's avatar and its files";
            s.Description = "Removing an avatar that is not there is a 204 too.";
        });
    }

    public override async Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return AccountProblems.Gone();
        if (user.Avatar is not { } avatar)
            return TypedResults.NoContent();

        user.UseAvatar(null);
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await evictions.EvictAnswersAsync(AnswerTags.UserChanged(user.Username), CancellationToken.None);
        await media.DeleteAsync(avatar, CancellationToken.None);
        return TypedResults.NoContent();
    }
}
