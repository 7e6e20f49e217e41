namespace ArtFolio.Features.Auth.Login;

/// <summary>Log in by email or by username: give one of the two.</summary>
public sealed record Request
{
    public string? Email { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
}
