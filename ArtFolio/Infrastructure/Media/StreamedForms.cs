using FastEndpoints;

namespace ArtFolio.Infrastructure.Media;

/// <summary>A request read from a multipart form by streaming it (see <see cref="MultipartUpload"/>), never buffered.</summary>
public interface IStreamedForm<TSelf>
    where TSelf : IStreamedForm<TSelf>
{
    static abstract ValueTask<TSelf> ReadAsync(HttpContext http);
}

/// <summary>FastEndpoints' binder for such a request: the form is read by the request type itself.</summary>
public sealed class StreamedFormBinder<TRequest> : IRequestBinder<TRequest>
    where TRequest : IStreamedForm<TRequest>
{
    public ValueTask<TRequest> BindAsync(BinderContext ctx, CancellationToken ct) =>
        TRequest.ReadAsync(ctx.HttpContext);
}

public static class StreamedForms
{
    /// <summary>
    /// Declares a streamed multipart upload shaped like <typeparamref name="TForm"/> (for the OpenAPI
    /// document) and its failures, and lets the endpoint take a body as large as the largest upload
    /// (plus room for the form's text) instead of the 1 MiB every other endpoint accepts; each file's own
    /// limit applies as it streams in.
    /// </summary>
    public static RouteHandlerBuilder AcceptsUpload<TForm>(this RouteHandlerBuilder builder)
        where TForm : notnull
    {
        builder.Add(endpoint =>
        {
            var options = endpoint.ApplicationServices.GetRequiredService<MediaOptions>();
            endpoint.Metadata.Add(
                new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(
                    Math.Max(options.MaxImageBytes, options.MaxVideoBytes) + 1024 * 1024
                )
            );
        });
        return builder
            .Accepts<TForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status502BadGateway);
    }
}
