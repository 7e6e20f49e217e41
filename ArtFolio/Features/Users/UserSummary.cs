using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Users;

/// <summary>A user as lists show them: never the email.</summary>
public sealed record UserSummary(
    string Username,
    string? DisplayName,
    string? AvatarUrl,
    string? Bio,
    int ArtworkCount,
    int FollowerCount
) : IHasExample<UserSummary>
{
    public static UserSummary Example { get; } =
        new(
            "mira",
            "Mira Okafor",
            "/media/avatars/0193a5c2-6a00-7b00-8c00-9d000000000a.webp",
            "Painter of harbors and night light.",
            24,
            128
        );

    /// <summary>The user's own columns, counters included: no count query, whatever the user has posted.</summary>
    public static Expression<Func<User, UserSummary>> Projection() => u => From(u);

    /// <summary>For projections that reach the user through another row (a follow, a notification).</summary>
    public static UserSummary From(User user) =>
        new(user.Username, user.DisplayName, user.AvatarUrl, user.Bio, user.ArtworkCount, user.FollowerCount);
}
