using ArtFolio.Domain;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Users.Me;

/// <summary>The caller's own, private profile: the only place an email is ever returned.</summary>
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
            "/media/avatars/0193a5c2-6a00-7b00-8c00-9d000000000a.webp",
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
            user.CreatedAt,
            user.UpdatedAt
        );
}
