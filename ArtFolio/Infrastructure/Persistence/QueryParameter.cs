using System.Linq.Expressions;

namespace ArtFolio.Infrastructure.Persistence;

/// <summary>
/// A value for a hand-built LINQ expression that EF Core sends as a SQL parameter. A bare
/// <see cref="Expression.Constant(object)"/> becomes a literal in the SQL and part of EF's query-cache
/// key, so every distinct value (every page cursor) would compile a new query and, on PostgreSQL,
/// prepare a new statement; read from an object's property, as a captured variable is, it is a
/// parameter of one cached query.
/// </summary>
public static class QueryParameter
{
    public static Expression Of<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed record Box<T>(T Value);
}
