using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Portfolio.Remove;

/// <summary>One endpoint for every section: removing needs no section-specific body.</summary>
public sealed class Endpoint(AppDbContext db) : Endpoint<Request, Results<NoContent, ProblemHttpResult>>
{
    public override void Configure()
    {
        Delete("{section:regex(^(projects|skills|experience|education)$)}/{id:guid}");
        Group<MyPortfolioGroup>();
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "Remove an entry from the caller's portfolio (its owner only)";
            s.Description =
                "The section is `projects`, `skills`, `experience` or `education`. Another user's entry is a 403, an unknown one a 404. Answers 204.";
        });
    }

    public override Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    ) =>
        request.Section switch
        {
            "projects" => RemoveAsync(db.PortfolioProjects, User.UserId(), request.Id, cancellationToken),
            "skills" => RemoveAsync(db.PortfolioSkills, User.UserId(), request.Id, cancellationToken),
            "experience" => RemoveAsync(db.PortfolioExperience, User.UserId(), request.Id, cancellationToken),
            _ => RemoveAsync(db.PortfolioEducation, User.UserId(), request.Id, cancellationToken),
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
