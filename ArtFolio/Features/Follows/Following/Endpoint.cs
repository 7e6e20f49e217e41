using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Follows.Following;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Get("users/{username}/following", Handle) with
        {
            Summary = "Whom this user follows, most recent first",
            AllowAnonymous = true,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static Task<Results<Ok<Page<UserSummary>>, ProblemHttpResult>> Handle(
        string username,
        [AsParameters] FollowListQuery query,
        AppDbContext db,
        CancellationToken cancellationToken
    ) => FollowLists.PageAsync(db, username, FollowLists.Side.Following, query, cancellationToken);
}
