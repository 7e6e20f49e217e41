namespace ArtFolio.Features.Users.SetAvatar;

// How the form looks, for the OpenAPI document only: Request.ReadAsync streams the real form.
/// <summary>A new avatar: one image under the form field <c>image</c> (<c>file</c> is accepted too).</summary>
public sealed class Form
{
    /// <summary>A PNG, JPEG, GIF or WebP image, within Media:MaxImageBytes.</summary>
    public required IFormFile Image { get; init; }

    /// <summary>The field's name in release 1.0; still read when <c>image</c> is absent. Send <c>image</c>.</summary>
    [Obsolete("Send the file as image.")]
    public IFormFile File { get; init; } = null!;
}
