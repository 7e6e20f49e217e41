using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Http;

public sealed class CrossOriginOptions : ICheckedSettings
{
    public const string Section = "Cors";

    /// <summary>
    /// Origins whose pages may call the API from a browser (<c>https://app.example.com</c>). None by
    /// default; in Development the front end at <c>App:PublicBaseUrl</c> is added.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may reuse a preflight's answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<string> Problems()
    {
        foreach (var origin in AllowedOrigins)
            if (
                !Uri.TryCreate(origin, UriKind.Absolute, out var url)
                || url.Scheme is not ("http" or "https")
                || url.PathAndQuery != "/"
                || origin.EndsWith('/')
            )
                yield return $"AllowedOrigins: '{origin}' is not an origin such as https://app.example.com (scheme, host, port; no path)";
        if (PreflightMaxAge < TimeSpan.Zero)
            yield return "PreflightMaxAge: cannot be negative";
    }
}

/// <summary>
/// CORS as ASP.NET Core does it, for a front end on another origin: the allowed origins, the methods and
/// request headers the API uses, bearer tokens (no cookies, so no credentials mode), and the response
/// headers a client must read exposed. A preflight is answered by the CORS middleware itself, before
/// authentication, the rate limits and any endpoint, so it costs no database read and no rate-limit
/// budget. The notifications WebSocket checks <c>Origin</c> against the same list.
/// </summary>
public static class CrossOrigin
{
    public static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE"];
    public static readonly string[] RequestHeaders =
    [
        "Authorization",
        "Content-Type",
        "If-None-Match",
        "Idempotency-Key",
    ];
    public static readonly string[] ExposedHeaders =
    [
        "ETag",
        "Location",
        "Retry-After",
        "Deprecation",
        "Link",
        "WWW-Authenticate",
    ];

    public static IServiceCollection AddCrossOrigin(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment
    )
    {
        var options = services.AddSettings<CrossOriginOptions>(configuration, CrossOriginOptions.Section);
        var origins = options.AllowedOrigins.ToList();
        if (environment.IsDevelopment() && configuration["App:PublicBaseUrl"] is { Length: > 0 } frontEnd)
            origins.Add(frontEnd.TrimEnd('/'));
        var allowed = new AllowedOrigins([.. origins.Distinct(StringComparer.OrdinalIgnoreCase)]);
        services.AddSingleton(allowed);
        services.AddCors(cors =>
            cors.AddDefaultPolicy(policy =>
                policy
                    .WithOrigins(allowed.Origins)
                    .WithMethods(Methods)
                    .WithHeaders(RequestHeaders)
                    .WithExposedHeaders(ExposedHeaders)
                    .SetPreflightMaxAge(options.PreflightMaxAge)
            )
        );
        return services;
    }
}

/// <summary>The origins a browser page may call the API from.</summary>
public sealed record AllowedOrigins(string[] Origins)
{
    /// <summary>
    /// Whether a request may go on: no <c>Origin</c> (not a browser page), the API's own origin, or one
    /// of the allowed ones.
    /// </summary>
    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            || Origins.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }
}
