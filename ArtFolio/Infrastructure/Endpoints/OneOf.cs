using FluentValidation;
using FluentValidation.Validators;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>A closed set of words a string may be; the OpenAPI document lists them as its enum.</summary>
public interface IOneOfValidator
{
    IReadOnlyList<string> Values { get; }
}

internal sealed class OneOfValidator<T>(IReadOnlyList<string> values, bool lenient)
    : PropertyValidator<T, string?>,
        IOneOfValidator
{
    public IReadOnlyList<string> Values => values;

    public override string Name => "OneOfValidator";

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null
        || (
            lenient
                ? string.IsNullOrWhiteSpace(value) || values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)
                : values.Contains(value)
        );

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        $"{{PropertyName}} is one of: {string.Join(", ", values)}.";
}

public static class OneOfRules
{
    /// <summary>
    /// Absent, or one of <paramref name="values"/>; when <paramref name="lenient"/>, blank counts as
    /// absent and the rest is compared trimmed and without case (the handler keeps the canonical word).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(
        this IRuleBuilder<T, string?> rule,
        IEnumerable<string> values,
        bool lenient = false
    ) => rule.SetValidator(new OneOfValidator<T>([.. values], lenient));
}
