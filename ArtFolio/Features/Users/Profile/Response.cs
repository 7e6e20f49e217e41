using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Users.Profile;

/// <summary>A public profile: never the email.</summary>
public sealed record Response(
    string Username,
    string? DisplayName,
    string? AvatarUrl,
    IReadOnlyList<PublicImage> AvatarImages,
    string? Bio,
    string? Location,
    string? Website,
    DateTime CreatedAt,
    int ArtworkCount,
    int FollowerCount,
    int FollowingCount,
    IReadOnlyList<ArtworkResponse> Artworks,
    bool IsFollowing,
    bool IsMe
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            "mira",
            "Mira Okafor",
            "/media/avatars/thumbs/0193a5c26a007b008c009d000000000a.webp",
            AvatarExample.Images,
            "Painter of harbors and night light.",
            "Lisbon",
            "https://mira.example",
            new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc),
            24,
            128,
            37,
            [ArtworkResponse.Example],
            false,
            false
        );
}
