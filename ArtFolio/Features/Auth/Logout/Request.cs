namespace ArtFolio.Features.Auth.Logout;

public sealed record Request
{
    public string? RefreshToken { get; init; }
}
