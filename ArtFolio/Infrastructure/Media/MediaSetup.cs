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
                    headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";
                },
            }
        );
    }
}
