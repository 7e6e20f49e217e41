using System.Diagnostics;

namespace ArtFolio.Infrastructure.Telemetry;

/// <summary>
/// One log line per request, at its end: method, route template (<c>/api/v1/artworks/{id:guid}</c>, never
/// the path itself, whose values and query string may carry tokens, names or addresses), status and
/// duration, under the <c>ArtFolio.Requests</c> category. With the JSON console formatter and scopes on,
/// each line carries the trace id, so a slow line leads to its trace.
/// </summary>
public static class RequestLog
{
    public const string Category = "ArtFolio.Requests";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(
            async (http, next) =>
            {
                if (!logger.IsEnabled(LogLevel.Information))
                {
                    await next(http);
                    return;
                }
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await next(http);
                }
                finally
                {
                    var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } template
                        ? "/" + template.TrimStart('/')
                        : "(no route)";
                    logger.LogInformation(
                        "{Method} {Route} {Status} in {ElapsedMs:0.0} ms",
                        http.Request.Method,
                        route,
                        http.RequestAborted.IsCancellationRequested ? 499 : http.Response.StatusCode,
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds
                    );
                }
            }
        );
    }
}
