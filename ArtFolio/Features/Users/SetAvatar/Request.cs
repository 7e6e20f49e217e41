using ArtFolio.Domain;
using ArtFolio.Infrastructure.Media;

namespace ArtFolio.Features.Users.SetAvatar;

/// <summary>
/// The multipart form with one image under <c>image</c>, the name artwork uploads use (<c>file</c>, the
/// name of earlier releases, is accepted too), streamed like an artwork upload.
/// </summary>
public sealed record Request : IStreamedForm<Request>
{
    public ReceivedFile? Image { get; init; }

    public static async ValueTask<Request> ReadAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<MediaOptions>();
        var form = await MultipartUpload.ReadAsync(http, ["image", "file"], options, [MediaKind.Image]);
        return new Request { Image = form.File };
    }
}
