using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Portfolio.Skills.Edit;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Put("users/me/portfolio/skills/{id:guid}", Handle) with
        {
            Summary = "Replace a skill in the caller's portfolio (its owner only)",
            Configure = endpoint =>
                endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Guid id,
        Request request,
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) =>
        PortfolioItems.EditAsync<Domain.PortfolioSkill, Response>(
            db,
            caller.UserId(),
            id,
            request,
            Response.From,
            clock.GetUtcNow().UtcDateTime,
            cancellationToken
        );
}
