namespace ArtFolio.Infrastructure.Http;

/// <summary>
/// Headers every response carries: no content sniffing, no
/// referrer, and a content security policy that lets an API answer run nothing at all. Swagger UI is
/// the one HTML page served, and gets the policy it needs (its own scripts and styles); media files
/// replace the policy with their own (see MediaSetup).
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string SwaggerUiPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(
            (http, next) =>
            {
                // Set as the response starts, so that a response the exception handler cleared and
                // rewrote carries them too.
                http.Response.OnStarting(() =>
                {
                    var headers = http.Response.Headers;
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                    if (!headers.ContainsKey("Content-Security-Policy"))
                        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger")
                            ? SwaggerUiPolicy
                            : ApiPolicy;
                    return Task.CompletedTask;
                });
                return next(http);
            }
        );
}
