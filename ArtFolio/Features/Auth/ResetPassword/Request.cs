namespace ArtFolio.Features.Auth.ResetPassword;

public sealed record Request
{
    /// <summary>The token from the link in the reset email.</summary>
    public string? Token { get; init; }
    public string? NewPassword { get; init; }
    public string? ConfirmPassword { get; init; }
}
