using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Infrastructure.Auth;

public static class AccountProblems
{
    /// <summary>A valid access token whose account has since been deleted (tokens outlive their account until they expire).</summary>
    public static ProblemHttpResult Gone() =>
        Problems.Result(StatusCodes.Status401Unauthorized, "This account no longer exists.");
}
