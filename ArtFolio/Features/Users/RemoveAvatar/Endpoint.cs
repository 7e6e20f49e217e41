using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.RemoveAvatar;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Delete("users/me/avatar", Handle) with
        {
            Summary = "Remove the caller's avatar and its files",
            Description = "Removing an avatar that is not there is a 204 too.",
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        ClaimsPrincipal caller,
        AppDbContext db,
        IMediaStore media,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var userId = caller.UserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return AccountProblems.Gone();
        if (user.Avatar is not { } avatar)
            return TypedResults.NoContent();

        user.AvatarKey = null;
        user.AvatarThumbnailKey = null;
        user.AvatarUrl = null;
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await media.DeleteAsync(avatar, CancellationToken.None);
        return TypedResults.NoContent();
    }
}
