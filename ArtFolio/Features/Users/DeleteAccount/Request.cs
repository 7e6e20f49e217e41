namespace ArtFolio.Features.Users.DeleteAccount;

/// <summary>The password, asked again so a stolen access token alone cannot delete an account.</summary>
public sealed record Request
{
    public string? Password { get; init; }
}
