using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Users;

/// <summary>The problems of the slices that name a user by username (profiles, portfolios, follows).</summary>
public static class UserProblems
{
    public static ProblemHttpResult UnknownUsername() =>
        Problems.Result(StatusCodes.Status404NotFound, "There is no user with this username.");
}
