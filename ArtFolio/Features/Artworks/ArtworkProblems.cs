using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Artworks;

/// <summary>The answers the artwork slices share for a missing artwork and for someone else's.</summary>
public static class ArtworkProblems
{
    public static ProblemHttpResult NotFound() =>
        Problems.Result(StatusCodes.Status404NotFound, "There is no artwork with this id.");

    public static ProblemHttpResult NotYours() =>
        Problems.Result(StatusCodes.Status403Forbidden, "Only the artist who uploaded this artwork can change it.");
}
