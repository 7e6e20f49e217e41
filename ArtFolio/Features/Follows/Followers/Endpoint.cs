using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Follows.Followers;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Get("users/{username}/followers", Handle) with
        {
            Summary = "Who follows this user, most recent first",
            AllowAnonymous = true,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static Task<Results<Ok<Page<UserSummary>>, ProblemHttpResult>> Handle(
        string username,
        [AsParameters] FollowListQuery query,
        AppDbContext db,
        CancellationToken cancellationToken
    ) => FollowLists.PageAsync(db, username, FollowLists.Side.Followers, query, cancellationToken);
}
