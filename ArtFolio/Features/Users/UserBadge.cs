using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Users;

/// <summary>The small form of a user shown beside their content: an artwork's artist, a comment's author.</summary>
public sealed record UserBadge(string Username, string? DisplayName, string? AvatarUrl) : IHasExample<UserBadge>
{
    public static UserBadge Example { get; } =
        new("mira", "Mira Okafor", "/media/avatars/0193a5c2-6a00-7b00-8c00-9d000000000a.webp");
}
