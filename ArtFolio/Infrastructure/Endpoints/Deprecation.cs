using FastEndpoints;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// FastEndpoints deprecates an endpoint (<c>Version(1, deprecateAt: 2)</c>) in its documents only; this
/// tells clients too, on every answer of such an endpoint: a middleware after routing, so the headers
/// are set before anything can write a body (a validation failure, a 401, a 429 included).
/// </summary>
public static class DeprecationHeaders
{
    /// <summary>When the v1 operations replaced in v2 were deprecated (RFC 9745 wants a date).</summary>
    public static readonly DateTimeOffset Date = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    public static IApplicationBuilder UseDeprecationHeaders(this IApplicationBuilder app) =>
        app.Use(
            (http, next) =>
            {
                if (
                    http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is { } endpoint
                    && endpoint.Version.DeprecatedAt > 0
                )
                {
                    // RFC 9745: Deprecation is a structured-field date; Link names the successor, which is
                    // the same route at the version that deprecated this one.
                    var headers = http.Response.Headers;
                    headers["Deprecation"] = $"@{Date.ToUnixTimeSeconds()}";
                    headers.Link =
                        $"<{FastEndpointsSetup.PathOf(endpoint.Routes[0], endpoint.Version.DeprecatedAt)}>; rel=\"successor-version\"";
                }
                return next(http);
            }
        );
}
