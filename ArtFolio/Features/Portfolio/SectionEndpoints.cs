using System.Security.Claims;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Portfolio;

/// <summary>
/// The add and edit endpoints every section has, told apart only by their types: the handler lambdas
/// are closed over the section's request and response types, so binding, validation and the OpenAPI
/// schemas are exactly the section's own.
/// </summary>
public static class SectionEndpoints
{
    public static EndpointDefinition Add<TItem, TRequest, TResponse>(
        string section,
        string what,
        Func<TItem, TResponse> respond
    )
        where TItem : class, IPortfolioItem
        where TRequest : ISectionRequest<TItem> =>
        EndpointDefinition.Post(
            $"users/me/portfolio/{section}",
            (
                TRequest request,
                ClaimsPrincipal caller,
                AppDbContext db,
                TimeProvider clock,
                CancellationToken cancellationToken
            ) =>
                PortfolioItems.AddAsync(
                    db,
                    section,
                    request.Create(caller.UserId(), clock.GetUtcNow().UtcDateTime),
                    respond,
                    cancellationToken
                )
        ) with
        {
            Summary = $"Add {what} to the caller's portfolio",
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status409Conflict),
        };

    public static EndpointDefinition Edit<TItem, TRequest, TResponse>(
        string section,
        string what,
        Func<TItem, TResponse> respond
    )
        where TItem : class, IPortfolioItem
        where TRequest : ISectionRequest<TItem> =>
        EndpointDefinition.Put(
            $"users/me/portfolio/{section}/{{id:guid}}",
            (
                Guid id,
                TRequest request,
                ClaimsPrincipal caller,
                AppDbContext db,
                TimeProvider clock,
                CancellationToken cancellationToken
            ) =>
                PortfolioItems.EditAsync(
                    db,
                    caller.UserId(),
                    id,
                    request,
                    respond,
                    clock.GetUtcNow().UtcDateTime,
                    cancellationToken
                )
        ) with
        {
            Summary = $"Replace {what} in the caller's portfolio (its owner only)",
            Configure = endpoint =>
                endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound),
        };
}
