namespace ArtFolio.Infrastructure.Media;

public static class UploadEndpoints
{
    /// <summary>
    /// Lets an endpoint take a body as large as the largest upload (plus room for the form's text),
    /// instead of the 1 MiB every other endpoint accepts; each file's own limit applies as it streams in.
    /// </summary>
    public static RouteHandlerBuilder AcceptsUploads(this RouteHandlerBuilder builder)
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
        return builder;
    }
}
