using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// Writes each request's validation rules into its OpenAPI schema (required, lengths, pattern, email,
/// minimum), read from the slice's validator, so the document and the 400s cannot drift apart.
/// Conditional rules (<c>When</c>) are left out: the schema cannot say "required unless".
/// </summary>
internal static class ValidatorSchemaTransformer
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is null)
            return Task.CompletedTask;
        var validatorType = typeof(IValidator<>).MakeGenericType(context.JsonTypeInfo.Type);
        if (context.ApplicationServices.GetService(validatorType) is not IValidator validator)
            return Task.CompletedTask;

        var descriptor = validator.CreateDescriptor();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (
                property.AttributeProvider is not MemberInfo member
                || !schema.Properties.TryGetValue(property.Name, out var propertySchema)
                || propertySchema is not OpenApiSchema target
            )
                continue;
            var components = descriptor
                .GetRulesForMember(member.Name)
                .SelectMany(rule => rule.Components)
                .Where(c => !c.HasCondition && !c.HasAsyncCondition);
            foreach (var component in components)
                Describe(schema, property.Name, target, component.Validator);
        }
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema parent, string name, OpenApiSchema target, IPropertyValidator rule)
    {
        switch (rule)
        {
            case INotNullValidator or INotEmptyValidator:
                parent.Required ??= new HashSet<string>();
                parent.Required.Add(name);
                target.Type &= ~JsonSchemaType.Null; // nullable in C# only so that absence is a 400, not a binding error
                if (rule is INotEmptyValidator && target.Type?.HasFlag(JsonSchemaType.String) == true)
                    target.MinLength = Math.Max(target.MinLength ?? 0, 1);
                break;
            case ILengthValidator length:
                if (length.Min > 0)
                    target.MinLength = length.Min;
                if (length.Max > 0)
                    target.MaxLength = length.Max;
                break;
            case IRegularExpressionValidator regex:
                target.Pattern = regex.Expression;
                break;
            case IEmailValidator:
                target.Format = "email";
                break;
            case IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual, ValueToCompare: IConvertible min }:
                target.Minimum = Convert.ToString(min, System.Globalization.CultureInfo.InvariantCulture);
                break;
        }
    }
}
