using ArtFolio.Domain;
using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.Profile;

public sealed class Endpoint(AppDbContext db)
    : Endpoint<Request, Results<Ok<Response>, StatusCodeHttpResult, ProblemHttpResult>>
{
    public const int NewestArtworks = 12;

    public override void Configure()
    {
        Get("users/{username}");
        AllowAnonymous();
        Options(o => o.CacheOutput(AnswerCacheSetup.Policy));
        Description(endpoint =>
            endpoint.Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "An artist's public profile with their newest artworks";
            s.Description = "Usernames match case-insensitively.";
        });
    }

    public override async Task<Results<Ok<Response>, StatusCodeHttpResult, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var name = Domain.User.NormalizeUsername(request.Username);
        var callerId = User.UserIdOrNull();
        var user = await db
            .Users.Where(u => u.Username == name)
            .Select(u => new
            {
                u.Id,
                u.Username,
                u.DisplayName,
                u.AvatarUrl,
                u.AvatarRenditions,
                u.Bio,
                u.Location,
                u.Website,
                u.CreatedAt,
                u.ArtworkCount,
                u.FollowerCount,
                u.FollowingCount,
                IsFollowing = callerId != null && db.Follows.Any(f => f.FollowerId == callerId && f.FolloweeId == u.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
            return UserProblems.UnknownUsername();

        var artworks = await db
            .Artworks.AsNoTracking()
            .Where(a => a.ArtistId == user.Id)
            .OrderByDescending(a => a.CreatedAt)
            .ThenByDescending(a => a.Id)
            .Take(NewestArtworks)
            .Select(ArtworkResponse.Projection(db, callerId))
            .ToListAsync(cancellationToken);

        var profile = new Response(
            user.Username,
            user.DisplayName,
            user.AvatarUrl,
            PublicImage.From(user.AvatarRenditions),
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
        );
        var version = ConditionalGet.Version([
            profile.Username,
            profile.DisplayName,
            profile.AvatarUrl,
            profile.Bio,
            profile.Location,
            profile.Website,
            profile.ArtworkCount,
            profile.FollowerCount,
            profile.FollowingCount,
            profile.IsFollowing,
            profile.IsMe,
            .. artworks.Select(a => a.Version()),
        ]);
        HttpContext.TagAnswer(AnswerTags.User(user.Username), AnswerTags.ArtworkLists); // its newest artworks
        return ConditionalGet.IsNotModified(HttpContext, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(profile);
    }
}
