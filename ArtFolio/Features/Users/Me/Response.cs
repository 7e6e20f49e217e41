using ArtFolio.Domain;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Users.Me;

/// <summary>The caller's own, private profile: the only place an email is ever returned.</summary>
/// <remarks><c>avatarUrl</c> is the avatar as badges show it (at most 400 pixels); <c>avatarImages</c> its renditions for <c>srcset</c>.</remarks>
public sealed record Response(
    Guid Id,
    string Username,
    string Email,
    bool EmailVerified,
    string? DisplayName,
    string? Bio,
    string? Location,
    string? Website,
    string? AvatarUrl,
    IReadOnlyList<PublicImage> AvatarImages,
    DateTime CreatedAt,
    DateTime UpdatedAt
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            Guid.Parse("0193a5c2-6a00-7b00-8c00-9d000000000a"),
            "mira",
            "mira@example.com",
            true,
            "Mira Okafor",
            "Painter of harbors and night light.",
            "Lisbon",
            "https://mira.example",
            "/media/avatars/thumbs/0193a5c26a007b008c009d000000000a.webp",
            AvatarExample.Images,
            new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc)
        );

    public static Response From(User user) =>
        new(
            user.Id,
            user.Username,
            user.Email,
            user.EmailVerifiedAt is not null,
            user.DisplayName,
            user.Bio,
            user.Location,
            user.Website,
            user.AvatarUrl,
            PublicImage.From(user.AvatarRenditions),
            user.CreatedAt,
            user.UpdatedAt
        );
}
