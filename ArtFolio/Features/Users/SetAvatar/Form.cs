namespace ArtFolio.Features.Users.SetAvatar;

/// <summary>How the form looks, for the OpenAPI document only (the request is streamed by <see cref="Request.ReadAsync"/>).</summary>
public sealed class Form
{
    /// <summary>A PNG, JPEG, GIF or WebP image, within Media:MaxImageBytes.</summary>
    public required IFormFile File { get; init; }
}
