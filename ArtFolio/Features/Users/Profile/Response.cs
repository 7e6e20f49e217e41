using ArtFolio.Features.Artworks;

namespace ArtFolio.Features.Users.Profile;

/// <summary>A public profile: never the email.</summary>
public sealed record Response(
    string Username,
    string? DisplayName,
    string? AvatarUrl,
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
);
