namespace ArtFolio.Infrastructure.Endpoints;

public static class ApiVersions
{
    public const int V1 = 1;
    public const int V2 = 2;

    /// <summary>Every version served, oldest first. Each one is a complete surface.</summary>
    public static readonly int[] All = [V1, V2];

    public static string DocumentName(int version) => $"v{version}";

    public static string BasePath(int version) => $"/api/v{version}";
}
