using System.Net.Mail;
using FluentValidation;

namespace ArtFolio.Features.Auth;

/// <summary>The account rules (see the README), shared by the slices that take a username, email or password.</summary>
public static class AccountRules
{
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;

    /// <summary>Generous: any token-like string, an access token included, gets a 401 rather than a 400.</summary>
    public const int MaxRefreshTokenLength = 4096;

    /// <summary>Letters may come in any case; the username is stored lower-case.</summary>
    public const string UsernamePattern = "^[a-zA-Z0-9_.]{3,30}$";

    public static IRuleBuilderOptions<T, string?> ValidUsername<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Matches(UsernamePattern).WithMessage("Use 3 to 30 characters: letters, digits, '_' and '.'.");

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .MaximumLength(254)
            .Must(IsEmail)
            .WithMessage("Enter a valid email address, like name@example.com.");

    public static IRuleBuilderOptions<T, string?> ValidNewPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Length(PasswordMinLength, PasswordMaxLength);

    /// <summary>
    /// Only present: any other string is checked against the stored hashes and, not found, gets the same
    /// 400 as an expired or used token, so the answer never says which.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ValidEmailToken<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty();

    private static bool IsEmail(string? email) =>
        email is null
        || MailAddress.TryCreate(email, out var address)
            && address.Address == email
            && address.Host.Contains('.')
            && !address.Host.EndsWith('.');
}
