namespace ArtFolio.Features.Auth.Refresh;

public sealed record Request
{
    public string? RefreshToken { get; init; }
}
