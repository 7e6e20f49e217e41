using ArtFolio.Infrastructure.Media;

namespace ArtFolio.Features.Users.SetAvatar;

/// <summary>The multipart form with one image under <c>file</c>, streamed like an artwork upload.</summary>
public sealed record Request : IStreamedForm<Request>
{
    public ReceivedFile? File { get; init; }

    public static async ValueTask<Request> ReadAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<MediaOptions>();
        var form = await MultipartUpload.ReadAsync(http, "file", options, [MediaKind.Image]);
        return new Request { File = form.File };
    }
}
