using ArtFolio.Domain;

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
)
{
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
