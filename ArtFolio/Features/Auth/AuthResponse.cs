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
);
