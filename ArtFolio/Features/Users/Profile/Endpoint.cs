using System.Security.Claims;
using ArtFolio.Domain;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.Profile;

public sealed class Endpoint : IEndpoint
{
    public const int NewestArtworks = 12;

    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Get("users/{username}", Handle) with
        {
            Summary = "An artist's public profile with their newest artworks",
            Description = "Usernames match case-insensitively.",
            AllowAnonymous = true,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string username,
        ClaimsPrincipal caller,
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        var name = User.NormalizeUsername(username);
        var callerId = caller.UserIdOrNull();
        var user = await db
            .Users.Where(u => u.Username == name)
            .Select(u => new
            {
                u.Id,
                u.Username,
                u.DisplayName,
                u.AvatarUrl,
                u.Bio,
                u.Location,
                u.Website,
                u.CreatedAt,
                ArtworkCount = db.Artworks.Count(a => a.ArtistId == u.Id),
                u.FollowerCount,
                u.FollowingCount,
                IsFollowing = callerId != null && db.Follows.Any(f => f.FollowerId == callerId && f.FolloweeId == u.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
            return Problems.Result(StatusCodes.Status404NotFound, "There is no user with this username.");

        var artworks = await db
            .Artworks.AsNoTracking()
            .Where(a => a.ArtistId == user.Id)
            .OrderByDescending(a => a.CreatedAt)
            .ThenByDescending(a => a.Id)
            .Take(NewestArtworks)
            .Select(ArtworkResponse.Projection(db, callerId))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(
            new Response(
                user.Username,
                user.DisplayName,
                user.AvatarUrl,
                user.Bio,
                user.Location,
                user.Website,
                user.CreatedAt,
                user.ArtworkCount,
                user.FollowerCount,
                user.FollowingCount,
                artworks,
                user.IsFollowing,
                user.Id == callerId
            )
        );
    }
}
