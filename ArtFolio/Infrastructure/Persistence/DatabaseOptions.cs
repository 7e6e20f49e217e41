using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions : ICheckedSettings
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/artfolio.db";

    /// <summary>
    /// PostgreSQL's password, kept out of the connection string (pass it as <c>Database__Password_FILE</c>,
    /// a Docker secret): when set it replaces any password the connection string has.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// Whether this instance applies pending migrations when it starts. Several replicas: turn it off on
    /// them and run <c>dotnet ArtFolio.dll migrate</c> once before they start (the compose file's
    /// <c>migrate</c> service), so a deployment migrates once and a failed migration stops it early.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>The connection string to use: <see cref="ConnectionString"/> with <see cref="Password"/> in it, if given.</summary>
    public string EffectiveConnectionString =>
        Provider == DatabaseProvider.Postgres && !string.IsNullOrEmpty(Password)
            ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = Password }.ConnectionString
            : ConnectionString;

    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new();

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            yield return "ConnectionString: is required";
    }
}
