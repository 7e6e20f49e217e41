using ArtFolio.Domain;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Portfolio;

/// <summary>A section's request: it makes a new entry and edits an existing one.</summary>
public interface ISectionRequest<TItem>
    where TItem : IPortfolioItem
{
    /// <summary>The entry an edit names in its route; unused when adding.</summary>
    Guid Id { get; }

    /// <summary>A filled-in entry for the OpenAPI document.</summary>
    static abstract object Example { get; }

    TItem Create(Guid userId, DateTime now);
    void ApplyTo(TItem item);
}

/// <summary>
/// What adding and editing an entry share in every section. The owner is always the caller from the
/// token: nothing in the URL or body can name another user.
/// </summary>
public static class PortfolioItems
{
    public const int MaxPerSection = 100;

    public static async Task<Results<Created<TResponse>, ProblemHttpResult>> AddAsync<TItem, TResponse>(
        AppDbContext db,
        PathString sectionPath,
        TItem item,
        Func<TItem, TResponse> respond,
        CancellationToken cancellationToken
    )
        where TItem : class, IPortfolioItem
    {
        var count = await db.Set<TItem>().CountAsync(i => i.UserId == item.UserId, cancellationToken);
        if (count >= MaxPerSection)
            return Problems.Result(
                StatusCodes.Status409Conflict,
                $"A portfolio section holds at most {MaxPerSection} entries; remove one first."
            );
        db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        // The entry's address is its section's (where it was posted) and its id: the edit route.
        return TypedResults.Created($"{sectionPath}/{item.Id}", respond(item));
    }

    public static async Task<Results<Ok<TResponse>, ProblemHttpResult>> EditAsync<TItem, TResponse>(
        AppDbContext db,
        Guid callerId,
        Guid id,
        ISectionRequest<TItem> request,
        Func<TItem, TResponse> respond,
        DateTime now,
        CancellationToken cancellationToken
    )
        where TItem : class, IPortfolioItem
    {
        var (item, problem) = await db.Set<TItem>()
            .FindOwnedAsync(i => i.Id == id, i => i.UserId, callerId, NotFound, NotYours, cancellationToken);
        if (item is null)
            return problem!;
        request.ApplyTo(item);
        item.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(respond(item));
    }

    public static ProblemHttpResult NotFound() =>
        Problems.Result(StatusCodes.Status404NotFound, "There is no portfolio entry with this id in this section.");

    public static ProblemHttpResult NotYours() =>
        Problems.Result(StatusCodes.Status403Forbidden, "Only its owner can change a portfolio entry.");
}
