using ArtFolio.Domain;
using ArtFolio.Infrastructure.Media;

namespace ArtFolio.Features.Artworks.Create;

/// <summary>
/// The multipart form, bound by streaming: the file goes to a temporary file as it arrives (see
/// <see cref="MultipartUpload"/>), the text fields into these properties, unknown fields nowhere.
/// </summary>
public sealed record Request : IStreamedForm<Request>
{
    public ReceivedFile? Image { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The price as typed into the form; the validator checks it parses.</summary>
    public string? Price { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    public static async ValueTask<Request> ReadAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<MediaOptions>();
        var form = await MultipartUpload.ReadAsync(http, ["image"], options, [MediaKind.Image, MediaKind.Video]);
        return new Request
        {
            Image = form.File,
            Title = form.Field("title")?.Trim(),
            Description = form.Field("description")?.Trim(),
            Price = form.Field("price")?.Trim(),
            Category = form.Field("category")?.Trim(),
            // Repeated fields, comma-separated values, or both.
            Tags = (form.Fields.GetValueOrDefault("tags") ?? []).SelectMany(t => t.Split(',')).ToList(),
        };
    }
}
