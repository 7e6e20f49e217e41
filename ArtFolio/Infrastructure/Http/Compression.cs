using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ArtFolio.Infrastructure.Http;

/// <summary>
/// Brotli or gzip, as the client asks, for JSON answers (problems and the OpenAPI documents included).
/// Never for media: images and video are compressed already, and are served with their own types.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ["application/json", "application/problem+json", "text/plain"];
        });
        // The fastest levels: a page of JSON shrinks by most of what the best levels would take, for
        // a fraction of their CPU.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
