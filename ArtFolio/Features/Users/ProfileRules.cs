using FluentValidation;

namespace ArtFolio.Features.Users;

public static class ProfileRules
{
    /// <summary>An absolute http or https URL with a host, or nothing.</summary>
    public static IRuleBuilderOptions<T, string?> ValidWebUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(url =>
                string.IsNullOrWhiteSpace(url)
                || Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    && uri.Host.Length > 0
            )
            .WithMessage("Use an absolute http or https address, like https://example.com.");

    /// <summary>Trimmed text, or null for nothing but white space.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
