using System.Linq.Expressions;

namespace ArtFolio.Infrastructure.Persistence;

/// <summary>
/// The seek of a keyset page: the rows after the last one a client saw, in a list ordered by a key
/// then by id. Written <c>key &lt;= k &amp;&amp; (key &lt; k || id &lt; i)</c> (mirrored when ascending): the
/// same rows as <c>key &lt; k || (key == k &amp;&amp; id &lt; i)</c>, but the first term bounds an index range
/// even in a plan made before the values are known (PostgreSQL's generic plan of a prepared statement
/// would otherwise scan the index from its top: page 100 took 7 times page 1). The cursor's values go
/// to SQL as parameters, so every page runs one cached query.
/// </summary>
public static class Keyset
{
    private static readonly System.Reflection.MethodInfo CompareGuids = typeof(Guid).GetMethod(
        nameof(Guid.CompareTo),
        [typeof(Guid)]
    )!;

    public static IQueryable<T> After<T, TKey>(
        this IQueryable<T> rows,
        Expression<Func<T, TKey>> key,
        Expression<Func<T, Guid>> id,
        TKey lastKey,
        Guid lastId,
        bool descending
    )
    {
        var row = key.Parameters[0];
        var rowKey = key.Body;
        var rowId = new Replace(id.Parameters[0], row).Visit(id.Body);
        var k = QueryParameter.Of(lastKey);
        // Guid.CompareTo becomes a plain comparison of the id column in SQL.
        var idOrder = Expression.Call(rowId, CompareGuids, QueryParameter.Of(lastId));
        var zero = Expression.Constant(0);
        var beyond = descending
            ? Expression.AndAlso(
                Expression.LessThanOrEqual(rowKey, k),
                Expression.OrElse(Expression.LessThan(rowKey, k), Expression.LessThan(idOrder, zero))
            )
            : Expression.AndAlso(
                Expression.GreaterThanOrEqual(rowKey, k),
                Expression.OrElse(Expression.GreaterThan(rowKey, k), Expression.GreaterThan(idOrder, zero))
            );
        return rows.Where(Expression.Lambda<Func<T, bool>>(beyond, row));
    }

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
