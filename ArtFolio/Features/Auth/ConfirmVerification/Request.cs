namespace ArtFolio.Features.Auth.ConfirmVerification;

public sealed record Request
{
    /// <summary>The token from the link in the verification email.</summary>
    public string? Token { get; init; }
}
