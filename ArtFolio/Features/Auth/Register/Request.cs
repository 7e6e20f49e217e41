namespace ArtFolio.Features.Auth.Register;

public sealed record Request
{
    public string? Username { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ConfirmPassword { get; init; }
    public string? DisplayName { get; init; }
}
