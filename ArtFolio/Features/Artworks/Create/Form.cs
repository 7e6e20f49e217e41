namespace ArtFolio.Features.Artworks.Create;

// How the multipart form looks, for the OpenAPI document only: Request.ReadAsync streams the
// real form instead of binding this.
/// <summary>An artwork upload: the file and its details as form fields.</summary>
public sealed class Form
{
    /// <summary>PNG, JPEG, GIF or WebP image, or MP4 or WebM video; the type is read from the bytes.</summary>
    public required IFormFile Image { get; init; }

    /// <summary>1 to 120 characters.</summary>
    public required string Title { get; init; }

    /// <summary>Up to 5000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>0 or more, at most 2 decimals.</summary>
    public decimal? Price { get; init; }

    /// <summary>1 to 50 characters.</summary>
    public required string Category { get; init; }

    /// <summary>Up to 10 tags of 1 to 30 characters: repeat the field, or separate with commas.</summary>
    public string[]? Tags { get; init; }
}
