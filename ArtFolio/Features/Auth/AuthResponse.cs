using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Auth;

/// <summary>What register, login and refresh return: the user and a token pair.</summary>
public sealed record AuthResponse(
    Users.Me.Response User,
    string TokenType,
    string AccessToken,
    DateTime AccessTokenExpiresAt,
    string RefreshToken,
    DateTime RefreshTokenExpiresAt,
    bool RefreshTokenRotated
) : IHasExample<AuthResponse>
{
    public static AuthResponse Example { get; } =
        new(
            Users.Me.Response.Example,
            "Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzYTVjMiJ9.c2lnbmF0dXJl",
            new DateTime(2026, 12, 2, 18, 15, 0, DateTimeKind.Utc),
            "q3Jc9mX1bV7tQ2sLw8yZ0aP4rN6uE5dKfHgTj1oIxWc",
            new DateTime(2026, 12, 16, 18, 0, 0, DateTimeKind.Utc),
            true
        );
}
