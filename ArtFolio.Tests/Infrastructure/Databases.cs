using System.Reflection;
using Xunit.Sdk;

namespace ArtFolio.Tests.Infrastructure;

public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Runs a theory once per database: always SQLite, and PostgreSQL too when
/// <see cref="PostgresConnectionVariable"/> holds a connection string.
/// </summary>
public sealed class AllDatabasesAttribute : DataAttribute
{
    public const string PostgresConnectionVariable = "ARTFOLIO_TEST_POSTGRES";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresConnectionVariable) is { Length: > 0 } value ? value : null;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Db.Sqlite];
        if (PostgresConnectionString is not null)
            yield return [Db.Postgres];
    }
}

/// <summary>A test that needs PostgreSQL (several instances on one database); skipped without a connection string.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (AllDatabasesAttribute.PostgresConnectionString is null)
            Skip = $"needs PostgreSQL: set {AllDatabasesAttribute.PostgresConnectionVariable}";
    }
}
