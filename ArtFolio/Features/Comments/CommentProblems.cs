using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Comments;

public static class CommentProblems
{
    public static ProblemHttpResult NotFound() =>
        Problems.Result(StatusCodes.Status404NotFound, "There is no comment with this id on this artwork.");
}
