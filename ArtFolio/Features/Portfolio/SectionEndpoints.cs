using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Portfolio;

/// <summary>
/// The add endpoint every section has, told apart only by its types and names: binding, validation
/// and the OpenAPI schemas are exactly the section's own.
/// </summary>
public abstract class AddEntryEndpoint<TItem, TRequest, TResponse>(
    AppDbContext db,
    TimeProvider clock,
    string section,
    string what,
    Func<TItem, TResponse> respond
) : Endpoint<TRequest, Results<Created<TResponse>, ProblemHttpResult>>
    where TItem : class, IPortfolioItem
    where TRequest : ISectionRequest<TItem>
{
    public override void Configure()
    {
        Post(section);
        Group<MyPortfolioGroup>();
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status409Conflict));
        Summary(s =>
        {
            s.Summary = $"Add {what} to the caller's portfolio";
            s.Description =
                $"Answers 201 with the entry and its address. A section holds at most {PortfolioItems.MaxPerSection} entries: one more is a 409.";
            s.ExampleRequest = TRequest.Example;
        });
    }

    public override Task<Results<Created<TResponse>, ProblemHttpResult>> ExecuteAsync(
        TRequest request,
        CancellationToken cancellationToken
    ) =>
        PortfolioItems.AddAsync(
            db,
            HttpContext.Request.Path,
            request.Create(User.UserId(), clock.GetUtcNow().UtcDateTime),
            respond,
            cancellationToken
        );
}

/// <summary>The edit endpoint every section has: the entry is named in the route, its owner is the caller.</summary>
public abstract class EditEntryEndpoint<TItem, TRequest, TResponse>(
    AppDbContext db,
    TimeProvider clock,
    string section,
    string what,
    Func<TItem, TResponse> respond
) : Endpoint<TRequest, Results<Ok<TResponse>, ProblemHttpResult>>
    where TItem : class, IPortfolioItem
    where TRequest : ISectionRequest<TItem>
{
    public override void Configure()
    {
        Put($"{section}/{{id:guid}}");
        Group<MyPortfolioGroup>();
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = $"Replace {what} in the caller's portfolio (its owner only)";
            s.Description = "Every field is replaced. Another user's entry is a 403, an unknown one a 404.";
            s.ExampleRequest = TRequest.Example;
        });
    }

    public override Task<Results<Ok<TResponse>, ProblemHttpResult>> ExecuteAsync(
        TRequest request,
        CancellationToken cancellationToken
    ) =>
        PortfolioItems.EditAsync(
            db,
            User.UserId(),
            request.Id,
            request,
            respond,
            clock.GetUtcNow().UtcDateTime,
            cancellationToken
        );
}
