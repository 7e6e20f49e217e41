using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// "Load the row the request names; it must exist (else the slice's 404) and be the caller's (else its
/// 403)": the check every slice that changes someone's own thing starts with. The owner is compared
/// with the caller from the token, never with an id from the request.
/// </summary>
public static class Ownership
{
    public static async Task<(T? Row, ProblemHttpResult? Problem)> FindOwnedAsync<T>(
        this IQueryable<T> rows,
        Expression<Func<T, bool>> which,
        Func<T, Guid> ownerOf,
        Guid callerId,
        Func<ProblemHttpResult> notFound,
        Func<ProblemHttpResult> notYours,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var row = await rows.SingleOrDefaultAsync(which, cancellationToken);
        if (row is null)
            return (null, notFound());
        return ownerOf(row) == callerId ? (row, null) : (null, notYours());
    }
}
