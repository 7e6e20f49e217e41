using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using ArtFolio.Domain;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Cloudinary through its documented Upload API (its .NET SDK is not in our package source): signed
/// uploads and destroys. Thumbnails are delivery URLs with a transformation, made by Cloudinary on demand.
/// </summary>
public sealed class CloudinaryMediaStore(
    HttpClient http,
    CloudinaryAccount account,
    MediaOptions options,
    TimeProvider clock,
    ILogger<CloudinaryMediaStore> logger
) : IMediaStore
{
    public const string ThumbnailTransformation = "c_fill,w_400,h_400,q_auto,f_auto";
    private const string Authenticated = "authenticated";

    public async Task<StoredMedia> StoreAsync(ReceivedFile file, MediaUse use, CancellationToken cancellationToken)
    {
        var resource = ResourceType(file.Type.Kind);
        // An image is uploaded "authenticated": Cloudinary delivers it only through URLs we sign, so the
        // public gets the renditions below and never the original.
        var withRenditions = file.Type.Kind == MediaKind.Image;
        var preview = withRenditions ? await Images.PreviewAsync(file.TempPath, cancellationToken) : null;
        if (withRenditions && preview is null)
            throw new MediaStorageException("The image's preview could not be made.");
        var publicId = $"artfolio/{use.Folder()}/{Guid.CreateVersion7():N}";
        var parameters = new Dictionary<string, string> { ["public_id"] = publicId };
        if (withRenditions)
            parameters["type"] = Authenticated;
        parameters = Signed(parameters);

        await using var content = File.OpenRead(file.TempPath);
        using var form = new MultipartFormDataContent();
        var fileContent = new StreamContent(content, 81920);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue(file.Type.ContentType);
        form.Add(fileContent, "file", $"upload{file.Type.Extension}");
        foreach (var (name, value) in parameters)
            form.Add(new StringContent(value), name);

        var uploaded = await SendAsync<UploadResult>($"{resource}/upload", form, cancellationToken);
        if (uploaded?.PublicId is null || uploaded.SecureUrl is null)
            throw new MediaStorageException("Cloudinary's upload answer had no public_id or secure_url.");
        if (!withRenditions)
            return new StoredMedia(
                new MediaRef(uploaded.PublicId, null, file.Type.Kind),
                uploaded.SecureUrl,
                ThumbnailUrl(uploaded.SecureUrl, file.Type.Kind),
                [],
                null
            );

        var (width, height) = (file.Width ?? 0, file.Height ?? 0);
        var renditions = Images
            .RenditionWidths(width, options.WidthsFor(use))
            .Select(w => new Rendition(
                w,
                (int)Math.Max(1, Math.Round((double)height * w / Math.Max(1, width))),
                "image/webp",
                SignedDeliveryUrl($"c_limit,w_{w},f_webp,q_auto", uploaded.PublicId)
            ))
            .ToList();
        return new StoredMedia(
            new MediaRef(MediaRef.PrivatePrefix + uploaded.PublicId, null, MediaKind.Image),
            renditions[^1].Url,
            SignedDeliveryUrl(ThumbnailTransformation, uploaded.PublicId),
            renditions,
            preview
        );
    }

    /// <summary>
    /// A delivery URL of an authenticated image with a transformation, signed as Cloudinary documents
    /// it: <c>s--</c>, the first 8 characters of the URL-safe Base64 SHA-1 of "{transformation}/{public_id}"
    /// followed by the API secret, <c>--</c>. Without the secret nobody can ask for another transformation
    /// (the original among them).
    /// </summary>
    public string SignedDeliveryUrl(string transformation, string publicId)
    {
        var toSign = $"{transformation}/{publicId}";
        var hash = Convert
            .ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(toSign + account.ApiSecret)))
            .Replace('+', '-')
            .Replace('/', '_');
        return $"{account.DeliveryBaseUrl}/image/{Authenticated}/s--{hash[..8]}--/{toSign}";
    }

    /// <summary>
    /// Cloudinary's private download URL (the Upload API's <c>download</c>): signed parameters with an
    /// <c>expires_at</c>, after which Cloudinary refuses it; the file comes as an attachment.
    /// </summary>
    public Task<SignedOriginal> OriginalUrlAsync(MediaRef media, string fileName, CancellationToken cancellationToken)
    {
        var expiresAt = clock.GetUtcNow() + options.OriginalUrlLifetime;
        return Task.FromResult(new SignedOriginal(DownloadUrl(media, expiresAt), expiresAt.UtcDateTime));
    }

    private string DownloadUrl(MediaRef media, DateTimeOffset expiresAt)
    {
        var (publicId, type) = AssetOf(media);
        var parameters = new Dictionary<string, string>
        {
            ["public_id"] = publicId,
            ["type"] = type,
            ["attachment"] = "true",
            ["expires_at"] = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        var query = string.Join("&", Signed(parameters).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(
            http.BaseAddress!,
            $"v1_1/{account.CloudName}/{ResourceType(media.Kind)}/download?{query}"
        ).ToString();
    }

    public async Task DeleteAsync(MediaRef media, CancellationToken cancellationToken)
    {
        var (publicId, type) = AssetOf(media);
        var parameters = Signed(
            new()
            {
                ["public_id"] = publicId,
                ["type"] = type,
                ["invalidate"] = "true",
            }
        );
        using var form = new FormUrlEncodedContent(parameters);
        var result = await SendAsync<DestroyResult>($"{ResourceType(media.Kind)}/destroy", form, cancellationToken);
        if (result?.Result is not ("ok" or "not found"))
            logger.LogWarning("Cloudinary did not destroy {PublicId}: {Result}", media.Key, result?.Result);
    }

    /// <summary>The original as Cloudinary delivers it untransformed: at its secure URL, or a private one by a download URL.</summary>
    public async Task CopyOriginalAsync(MediaRef media, string url, string path, CancellationToken cancellationToken)
    {
        try
        {
            if (media.IsPrivate)
                url = DownloadUrl(media, clock.GetUtcNow() + TimeSpan.FromMinutes(5));
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new MediaStorageException($"Cloudinary answered {(int)response.StatusCode} for {media.Key}.");
            await using var target = File.Create(path);
            await response.Content.CopyToAsync(target, cancellationToken);
        }
        catch (Exception e)
            when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MediaStorageException("Cloudinary could not be reached.", e);
        }
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        // The Admin API's ping: authenticated, cheap, and names nothing.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1_1/{account.CloudName}/ping");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.ApiKey}:{account.ApiSecret}"))
        );
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Cloudinary's signature: the parameters (without file, api_key, resource_type, cloud_name) sorted by
    /// name, joined as <c>k=v</c> with <c>&amp;</c>, the API secret appended, SHA-1, lower-case hex.
    /// </summary>
    public static string Signature(IEnumerable<KeyValuePair<string, string>> parameters, string apiSecret)
    {
        var toSign = string.Join(
            "&",
            parameters
                .Where(p => p.Key is not ("file" or "api_key" or "resource_type" or "cloud_name" or "signature"))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}")
        );
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(toSign + apiSecret)));
    }

    /// <summary>The delivery URL with the thumbnail transformation; a video's thumbnail is its first frame as an image.</summary>
    public static string ThumbnailUrl(string secureUrl, MediaKind kind)
    {
        var marker = secureUrl.IndexOf("/upload/", StringComparison.Ordinal);
        if (marker < 0)
            return secureUrl;
        var transformation = kind == MediaKind.Video ? "so_0," + ThumbnailTransformation : ThumbnailTransformation;
        var thumbnail = secureUrl.Insert(marker + "/upload/".Length, transformation + "/");
        return kind == MediaKind.Video ? Path.ChangeExtension(thumbnail, ".jpg") : thumbnail;
    }

    private Dictionary<string, string> Signed(Dictionary<string, string> parameters)
    {
        parameters["timestamp"] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        parameters["signature"] = Signature(parameters, account.ApiSecret);
        parameters["api_key"] = account.ApiKey;
        return parameters;
    }

    private async Task<T?> SendAsync<T>(string path, HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsync($"v1_1/{account.CloudName}/{path}", content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                logger.LogWarning(
                    "Cloudinary answered {Status} to {Path}: {Body}",
                    (int)response.StatusCode,
                    path,
                    body
                );
                throw new MediaStorageException($"Cloudinary answered {(int)response.StatusCode}.");
            }
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (Exception e)
            when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested
            )
        {
            throw new MediaStorageException("Cloudinary could not be reached.", e);
        }
    }

    /// <summary>The asset a key names: a private one (our prefix) is Cloudinary's "authenticated" type.</summary>
    private static (string PublicId, string Type) AssetOf(MediaRef media) =>
        media.IsPrivate ? (media.Key[MediaRef.PrivatePrefix.Length..], Authenticated) : (media.Key, "upload");

    private static string ResourceType(MediaKind kind) => kind == MediaKind.Video ? "video" : "image";

    private sealed record UploadResult(
        [property: JsonPropertyName("public_id")] string? PublicId,
        [property: JsonPropertyName("secure_url")] string? SecureUrl
    );

    private sealed record DestroyResult([property: JsonPropertyName("result")] string? Result);
}
