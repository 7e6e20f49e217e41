using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ArtFolio.Infrastructure.Http;

/// <summary>
/// Applies each endpoint's body size limit (1 MiB unless it declares another, as uploads do): a
/// declared Content-Length over it is refused at once with 413, and the server stops reading a
/// chunked body when it passes the limit.
/// </summary>
/// <remarks>
/// Many clients send their whole body before they read the answer. A 413 answered early is only
/// received if the server then reads (and discards) the rest: closing with unread bytes resets the
/// connection, and the client sees a broken pipe instead of the 413. So for a refused body up to
/// <see cref="MaxDrainBytes"/> the limit is raised to its declared length, and Kestrel drains it after
/// the answer; a larger one gets <c>Connection: close</c> (a client that sends
/// <c>Expect: 100-continue</c> gets the 413 before it sends anything, whatever the size).
/// </remarks>
public static class RequestBodyLimit
{
    public const long DefaultBytes = 1024 * 1024;

    /// <summary>The most a refused body is read and discarded so that its client receives the 413.</summary>
    public const long MaxDrainBytes = 64L * 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(
            async (http, next) =>
            {
                var limit =
                    http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? DefaultBytes;
                var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } writable
                    ? writable
                    : null;
                if (http.Request.ContentLength is { } declared && declared > limit)
                {
                    if (feature is not null && declared <= MaxDrainBytes)
                        feature.MaxRequestBodySize = declared; // the endpoint never reads it: only the drain does
                    else
                        http.Response.Headers.Connection = "close";
                    await Problems.WriteAsync(
                        http,
                        StatusCodes.Status413PayloadTooLarge,
                        $"The request body is larger than the {limit} bytes this endpoint accepts."
                    );
                    return;
                }
                if (feature is not null)
                    feature.MaxRequestBodySize = limit;
                await next(http);
            }
        );
}
