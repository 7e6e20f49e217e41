using ArtFolio.Infrastructure.Media;

namespace ArtFolio.Features.Users;

/// <summary>An avatar's renditions as the OpenAPI examples show them.</summary>
public static class AvatarExample
{
    public static IReadOnlyList<PublicImage> Images { get; } =
    [
        new(96, 96, "/media/avatars/r/0193a5c26a007b008c009d000000000a-96-3f2a1b0c9d8e7f60.webp", "image/webp"),
        new(192, 192, "/media/avatars/r/0193a5c26a007b008c009d000000000a-192-4e5d6c7b8a990011.webp", "image/webp"),
        new(400, 400, "/media/avatars/r/0193a5c26a007b008c009d000000000a-400-a1b2c3d4e5f60718.webp", "image/webp"),
    ];
}
