using FluentValidation;

namespace ArtFolio.Features.Artworks;

/// <summary>The artwork rules (see the README), shared by the create and update slices.</summary>
public static class ArtworkRules
{
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;

    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(120);

    public static IRuleBuilderOptions<T, string?> ValidDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(5000);

    public static IRuleBuilderOptions<T, string?> ValidCategory<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(50);

    public const int MaxEditionSize = 1_000_000;

    public static IRuleBuilderOptions<T, decimal?> ValidPrice<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(p => p is null || Money.IsValid(p.Value))
            .WithMessage($"A price is a number from 0 to {Money.Max} with at most 2 decimals.");

    public static void ValidTags<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyList<string>?> tags)
    {
        validator
            .RuleFor(r => tags(r))
            .Must(t => t is null || t.Count <= MaxTags)
            .WithMessage($"At most {MaxTags} tags.")
            .OverridePropertyName("tags");
        validator
            .RuleForEach(r => tags(r) ?? Array.Empty<string>())
            .Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= MaxTagLength)
            .WithMessage($"Each tag is 1 to {MaxTagLength} characters.")
            .OverridePropertyName("tags");
    }

    /// <summary>Tags as stored: trimmed, lower-case, each once.</summary>
    public static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
}
