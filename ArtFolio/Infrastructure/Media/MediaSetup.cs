using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Health;
using ArtFolio.Infrastructure.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ArtFolio.Infrastructure.Media;

public static class MediaSetup
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<MediaOptions>(configuration, MediaOptions.Section);
        Directory.CreateDirectory(options.IncomingFolder());

        if (options.Provider == MediaProvider.Cloudinary)
        {
            var cloudinary = services.AddSettings<CloudinaryOptions>(configuration, CloudinaryOptions.Section);
            var url = cloudinary.Url ?? configuration["CLOUDINARY_URL"];
            if (string.IsNullOrWhiteSpace(url))
                throw new InvalidOperationException(
                    "Media:Provider is Cloudinary but neither Cloudinary:Url nor CLOUDINARY_URL is set."
                );
            services.AddSingleton(CloudinaryAccount.Parse(url));
            services.AddHttpClient<IMediaStore, CloudinaryMediaStore>(http =>
            {
                http.BaseAddress = new Uri(cloudinary.ApiBaseUrl.TrimEnd('/') + "/");
                http.Timeout = TimeSpan.FromMinutes(10); // a 200 MB video on a slow link
            });
        }
        else
            services.AddSingleton<IMediaStore, LocalMediaStore>();
        services.AddSingleton<SignedOriginalUrls>();
        services.AddSingleton<StoredMediaCleaning>();
        services.AddHostedService(sp => sp.GetRequiredService<StoredMediaCleaning>());
        services.AddStatusCheck<MediaHealthCheck>("media");
        return services;
    }

    /// <summary>
    /// Serves local media under /media: the stored type's Content-Type, nosniff, a year of caching (names
    /// are never reused, so a file never changes) and the static file server's ETag and Last-Modified.
    /// </summary>
    public static void UseLocalMedia(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<MediaOptions>();
        if (options.Provider != MediaProvider.Local)
            return;
        var types = new FileExtensionContentTypeProvider(
            MediaType.All.ToDictionary(t => t.Extension, t => t.ContentType, StringComparer.OrdinalIgnoreCase)
        );
        types.Mappings[".webp"] = "image/webp";
        Directory.CreateDirectory(options.LocalRoot());
        app.UseStaticFiles(
            new StaticFileOptions
            {
                RequestPath = LocalMediaStore.UrlPrefix,
                FileProvider = new PhysicalFileProvider(options.LocalRoot()),
                ContentTypeProvider = types,
                ServeUnknownFileTypes = false,
                OnPrepareResponse = context =>
                {
                    var headers = context.Context.Response.Headers;
                    headers.XContentTypeOptions = "nosniff";
                    headers.CacheControl = "public, max-age=31536000, immutable";
                    headers.ContentSecurityPolicy = Sandboxed;
                },
            }
        );
        app.MapGet(SignedOriginalUrls.Prefix + "/{**key}", ServeOriginal).ExcludeFromDescription();
    }

    private const string Sandboxed = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

    /// <summary>
    /// An original through its signed link (<see cref="SignedOriginalUrls"/>): the file as an attachment
    /// under the name signed with it, with range requests (a video is seekable), kept by the browser only
    /// until the link expires. A link that is not ours, tampered with or expired is a 403.
    /// </summary>
    private static IResult ServeOriginal(
        string key,
        HttpContext context,
        SignedOriginalUrls urls,
        IMediaStore store,
        TimeProvider clock
    )
    {
        var query = context.Request.Query;
        string? name = query["name"],
            expires = query["expires"];
        if (!urls.IsValid(key, name, expires, query["signature"]))
            return Problems.Result(
                StatusCodes.Status403Forbidden,
                "This link to an original is not valid or has expired; ask for a new one."
            );
        if ((store as LocalMediaStore)?.FileOf(key) is not { } path)
            return Problems.Result(StatusCodes.Status404NotFound, "This original no longer exists.");
        var type =
            MediaType.All.FirstOrDefault(t => t.Extension == Path.GetExtension(path))?.ContentType
            ?? "application/octet-stream";
        var headers = context.Response.Headers;
        var left =
            long.Parse(expires!, System.Globalization.CultureInfo.InvariantCulture)
            - clock.GetUtcNow().ToUnixTimeSeconds();
        headers.CacheControl = $"private, max-age={Math.Max(0, left)}";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = Sandboxed;
        return Results.File(path, type, fileDownloadName: name, enableRangeProcessing: true);
    }
}
