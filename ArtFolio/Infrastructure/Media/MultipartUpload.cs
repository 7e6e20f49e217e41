using System.Text;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// Reads a multipart/form-data request part by part: text fields into memory (each bounded), the one
/// file part straight to a temporary file, its type decided from its first bytes and its size limit
/// enforced as the bytes arrive. The body is never held whole in memory.
/// </summary>
public sealed class MultipartUpload : IAsyncDisposable
{
    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxParts = 64;

    public Dictionary<string, List<string>> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ReceivedFile? File { get; private set; }

    public string? Field(string name) => Fields.TryGetValue(name, out var values) ? values[^1] : null;

    public static async Task<MultipartUpload> ReadAsync(
        HttpContext http,
        string[] fileFields,
        MediaOptions options,
        MediaKind[] accepted
    )
    {
        var request = http.Request;
        if (
            !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary
        )
            throw new RequestRejectedException(
                StatusCodes.Status415UnsupportedMediaType,
                "Send this request as multipart/form-data."
            );

        var upload = new MultipartUpload();
        // Disposed with the response, whatever happens: the temporary file never outlives the request.
        http.Response.RegisterForDisposeAsync(upload);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            var parts = 0;
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (++parts > MaxParts)
                    throw new RequestRejectedException(StatusCodes.Status400BadRequest, "Too many form parts.");
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (fileFields.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    if (upload.File is not null)
                        throw new RequestRejectedException(
                            StatusCodes.Status400BadRequest,
                            $"Send one '{fileFields[0]}' file."
                        );
                    upload.File = await ReceiveFileAsync(section.Body, options, accepted, http.RequestAborted);
                }
                else if (!disposition.IsFileDisposition())
                {
                    var value = await ReadFieldAsync(section.Body, name, http.RequestAborted);
                    if (!upload.Fields.TryGetValue(name, out var values))
                        upload.Fields[name] = values = [];
                    values.Add(value);
                }
                // Files under any other name are not read into anything; the reader skips them.
            }
        }
        catch (Exception e) when (e is (IOException or InvalidDataException) and not BadHttpRequestException)
        {
            throw new RequestRejectedException(
                StatusCodes.Status400BadRequest,
                "The multipart body is malformed or incomplete."
            );
        }
        return upload;
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > MaxFieldBytes)
                throw new RequestRejectedException(
                    StatusCodes.Status400BadRequest,
                    $"The form field '{name}' is longer than {MaxFieldBytes} bytes."
                );
        }
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static async Task<ReceivedFile> ReceiveFileAsync(
        Stream body,
        MediaOptions options,
        MediaKind[] accepted,
        CancellationToken cancellationToken
    )
    {
        var head = new byte[MediaType.SniffLength];
        var headLength = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var type = MediaType.Detect(head.AsSpan(0, headLength));
        if (type is null || !accepted.Contains(type.Kind))
            throw new RequestRejectedException(
                StatusCodes.Status415UnsupportedMediaType,
                accepted.Contains(MediaKind.Video)
                    ? "Upload a PNG, JPEG, GIF or WebP image, or an MP4 or WebM video."
                    : "Upload a PNG, JPEG, GIF or WebP image."
            );
        var limit = type.Kind == MediaKind.Image ? options.MaxImageBytes : options.MaxVideoBytes;

        var path = Path.Combine(options.IncomingFolder(), $"{Guid.NewGuid():N}.part");
        try
        {
            long total;
            await using (
                var target = new FileStream(
                    path,
                    FileMode.CreateNew,
                    FileAccess.Write,
                    FileShare.None,
                    81920,
                    useAsync: true
                )
            )
            {
                await target.WriteAsync(head.AsMemory(0, headLength), cancellationToken);
                total = headLength;
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > limit)
                        throw new RequestRejectedException(
                            StatusCodes.Status413PayloadTooLarge,
                            $"The {type.KindName} is larger than the {limit} bytes accepted."
                        );
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            var (width, height) =
                type.Kind == MediaKind.Image
                    ? await CleanImageAsync(path, type, options, cancellationToken)
                    : CheckVideo(path, type);
            return new ReceivedFile(path, type, new FileInfo(path).Length, width, height);
        }
        catch
        {
            System.IO.File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// The size from the header, refused before anything decodes it if it has too many pixels; then
    /// every pixel is decoded and the file replaced by the picture alone, upright, without its metadata
    /// (<see cref="Images.CleanAsync"/>), so that only an image that shows, and tells nothing else, is stored.
    /// </summary>
    private static async Task<(int?, int?)> CleanImageAsync(
        string path,
        MediaType type,
        MediaOptions options,
        CancellationToken cancellationToken
    )
    {
        (int Width, int Height)? size;
        using (var file = System.IO.File.OpenRead(path))
            size = ImageHeader.ReadSize(file, type);
        if (size is null)
            throw new RequestRejectedException(
                StatusCodes.Status415UnsupportedMediaType,
                $"The file starts like {type.ContentType} but its header cannot be read."
            );
        var (width, height) = size.Value;
        if ((long)width * height > options.MaxImagePixels)
            throw new RequestRejectedException(
                StatusCodes.Status413PayloadTooLarge,
                $"The image is {width}x{height} pixels; at most {options.MaxImagePixels} pixels are accepted."
            );
        if (!Images.IsAvailable)
            throw new RequestRejectedException(
                StatusCodes.Status503ServiceUnavailable,
                "Images cannot be processed on this server right now; try again later."
            );
        var cleanPath = path + ".clean" + type.Extension;
        try
        {
            var cleaned =
                await Images.CleanAsync(path, cleanPath, type, cancellationToken)
                ?? throw new RequestRejectedException(
                    StatusCodes.Status400BadRequest,
                    $"The file starts like {type.ContentType} but does not decode: it is damaged or incomplete."
                );
            System.IO.File.Move(cleanPath, path, overwrite: true);
            return (cleaned.Width, cleaned.Height);
        }
        finally
        {
            System.IO.File.Delete(cleanPath);
        }
    }

    /// <summary>A video's container must be readable and describe a picture size and a duration.</summary>
    private static (int?, int?) CheckVideo(string path, MediaType type)
    {
        var video =
            VideoContainer.Read(path, type)
            ?? throw new RequestRejectedException(
                StatusCodes.Status400BadRequest,
                $"The file starts like {type.ContentType} but its container does not describe a playable video "
                    + "(a duration and a picture size): it is damaged or incomplete."
            );
        return (video.Width, video.Height);
    }

    public async ValueTask DisposeAsync()
    {
        if (File is not null)
            await File.DisposeAsync();
    }
}
