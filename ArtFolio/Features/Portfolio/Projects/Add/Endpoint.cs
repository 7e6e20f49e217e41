using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Portfolio.Projects.Add;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("users/me/portfolio/projects", Handle) with
        {
            Summary = "Add a project to the caller's portfolio",
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status409Conflict),
        };

    private static Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) =>
        PortfolioItems.AddAsync(
            db,
            "projects",
            request.Create(caller.UserId(), clock.GetUtcNow().UtcDateTime),
            Response.From,
            cancellationToken
        );
}
