using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Follows.Followers;

public sealed class Endpoint(AppDbContext db)
    : Endpoint<FollowListQuery, Results<Ok<Page<UserSummary>>, StatusCodeHttpResult, ProblemHttpResult>>
{
    public override void Configure()
    {
        Get("users/{username}/followers");
        AllowAnonymous();
        Description(endpoint =>
            endpoint.Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "Who follows this user, most recent first";
            s.Description =
                "Cursor pages of user summaries; an unknown username is a 404. Carries an ETag (If-None-Match: 304).";
        });
    }

    public override Task<Results<Ok<Page<UserSummary>>, StatusCodeHttpResult, ProblemHttpResult>> ExecuteAsync(
        FollowListQuery query,
        CancellationToken cancellationToken
    ) => FollowLists.PageAsync(HttpContext, db, query.Username, FollowLists.Side.Followers, query, cancellationToken);
}
