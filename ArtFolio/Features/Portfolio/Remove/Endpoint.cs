using System.Security.Claims;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Portfolio.Remove;

/// <summary>One endpoint for every section: removing needs no section-specific body.</summary>
public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Delete(
            "users/me/portfolio/{section:regex(^(projects|skills|experience|education)$)}/{id:guid}",
            Handle
        ) with
        {
            Summary = "Remove an entry from the caller's portfolio (its owner only)",
            Configure = endpoint =>
                endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static Task<Results<NoContent, ProblemHttpResult>> Handle(
        string section,
        Guid id,
        ClaimsPrincipal caller,
        AppDbContext db,
        CancellationToken cancellationToken
    ) =>
        section switch
        {
            "projects" => RemoveAsync(db.PortfolioProjects, caller.UserId(), id, cancellationToken),
            "skills" => RemoveAsync(db.PortfolioSkills, caller.UserId(), id, cancellationToken),
            "experience" => RemoveAsync(db.PortfolioExperience, caller.UserId(), id, cancellationToken),
            _ => RemoveAsync(db.PortfolioEducation, caller.UserId(), id, cancellationToken),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync<TItem>(
        DbSet<TItem> items,
        Guid callerId,
        Guid id,
        CancellationToken cancellationToken
    )
        where TItem : class, IPortfolioItem
    {
        var owner = await items
            .Where(i => i.Id == id)
            .Select(i => (Guid?)i.UserId)
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
            return PortfolioItems.NotFound();
        if (owner != callerId)
            return PortfolioItems.NotYours();
        await items.Where(i => i.Id == id && i.UserId == callerId).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
