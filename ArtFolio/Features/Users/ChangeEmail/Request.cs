namespace ArtFolio.Features.Users.ChangeEmail;

public sealed record Request
{
    /// <summary>The new address.</summary>
    public string? Email { get; init; }

    /// <summary>The account's password, asked again because the email is how an account is recovered.</summary>
    public string? Password { get; init; }
}
