using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// Applies each endpoint's body size limit (1 MiB unless it declares another, as uploads do): a
/// declared Content-Length over it is refused at once with 413, and the server stops reading a
/// chunked body when it passes the limit.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(
            async (http, next) =>
            {
                var limit =
                    http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? DefaultBytes;
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                    feature.MaxRequestBodySize = limit;
                if (http.Request.ContentLength > limit)
                {
                    await Problems.WriteAsync(
                        http,
                        StatusCodes.Status413PayloadTooLarge,
                        $"The request body is larger than the {limit} bytes this endpoint accepts."
                    );
                    return;
                }
                await next(http);
            }
        );
}
