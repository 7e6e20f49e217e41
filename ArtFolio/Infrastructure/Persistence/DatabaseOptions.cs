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

    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new();

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            yield return "ConnectionString: is required";
    }
}
