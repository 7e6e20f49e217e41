namespace ArtFolio.Infrastructure.Hosting;

/// <summary>
/// Where the shipped <c>appsettings.json</c> is read from. ASP.NET Core takes the working folder, so
/// <c>dotnet /opt/artfolio/ArtFolio.dll</c> started anywhere else ran without it (every request and SQL
/// statement logged at Information, among other defaults lost). The working folder is kept when it holds
/// an <c>appsettings.json</c> (the image's <c>/app</c>, <c>dotnet run</c> in the project folder), and an
/// explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> always wins; otherwise the app's own folder.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) =>
        new() { Args = args, ContentRootPath = PathFor(args, Directory.GetCurrentDirectory()) };

    /// <summary>The content root to use, or null for ASP.NET Core's own choice.</summary>
    public static string? PathFor(string[] args, string workingFolder)
    {
        var chosen =
            args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (chosen || File.Exists(Path.Combine(workingFolder, "appsettings.json")))
            return null;
        return AppContext.BaseDirectory;
    }
}
