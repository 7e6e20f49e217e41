namespace ArtFolio.Features.Auth.ChangePassword;

public sealed record Request
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }
    public string? ConfirmPassword { get; init; }
}
