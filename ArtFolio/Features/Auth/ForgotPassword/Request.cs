namespace ArtFolio.Features.Auth.ForgotPassword;

public sealed record Request
{
    public string? Email { get; init; }
}
