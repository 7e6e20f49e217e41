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
/// <see cref="PostgresConnectionVariable"/> holds a connection string. The database comes first among
/// the test's parameters. Like InlineData it may carry a row (<c>[AllDatabases("title", "")]</c>, one
/// attribute a row), or name a static TheoryData member of the test class (<c>MemberName</c>).
/// </summary>
public sealed class AllDatabasesAttribute(params object?[]? row) : DataAttribute
{
    public const string PostgresConnectionVariable = "ARTFOLIO_TEST_POSTGRES";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresConnectionVariable) is { Length: > 0 } value ? value : null;

    public static IEnumerable<Db> Databases =>
        PostgresConnectionString is null ? [Db.Sqlite] : [Db.Sqlite, Db.Postgres];

    /// <summary>A static property of the test class holding the rows, as MemberData would name it.</summary>
    public string? MemberName { get; set; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var rows = MemberName is null
            ? [row ?? [null]] // [AllDatabases(null)] passes a null array, meaning one null argument
            : (
                (IEnumerable<object?[]>)
                    testMethod
                        .DeclaringType!.GetProperty(MemberName, BindingFlags.Public | BindingFlags.Static)!
                        .GetValue(null)!
            ).ToList();
        foreach (var database in Databases)
        foreach (var values in rows)
            yield return values.Prepend(database).ToArray()!; // null arguments stay null
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

/// <summary>
/// A theory that needs Redis (several instances sharing it), run on every database; skipped without
/// <see cref="TestRedis.Variable"/>.
/// </summary>
public sealed class RedisTheoryAttribute : TheoryAttribute
{
    public RedisTheoryAttribute()
    {
        if (TestRedis.ConnectionString is null)
            Skip = $"needs Redis: set {TestRedis.Variable}";
    }
}

public static class TestRedis
{
    public const string Variable = "ARTFOLIO_TEST_REDIS";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Settings for an app on the test Redis, under a key prefix no other test uses.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = ConnectionString,
            ["Redis:KeyPrefix"] = $"artfolio-test-{Guid.NewGuid():N}:",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }
}
