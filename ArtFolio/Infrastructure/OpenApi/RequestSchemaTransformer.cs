using System.Reflection;
using FastEndpoints;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// Shapes a request's schema as a client sends it: properties bound from the route or the query
/// string leave the body, and each remaining property carries its validation rules (required,
/// lengths, pattern, email, minimum), read from the slice's validator, so the document and the 400s
/// cannot drift apart. Conditional rules (<c>When</c>) are left out: the schema cannot say "required unless".
/// </summary>
internal static class RequestSchemaTransformer
{
    /// <summary>Every validator in the app by the request type it validates, made once.</summary>
    private static readonly Lazy<IReadOnlyDictionary<Type, IValidator>> Validators = new(() =>
        typeof(Program)
            .Assembly.GetTypes()
            .Where(t =>
                t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.IsAssignableTo(typeof(IValidator))
            )
            .Select(t => (type: t, validated: ValidatedType(t)))
            .Where(v => v.validated is not null)
            .ToDictionary(v => v.validated!, v => (IValidator)Activator.CreateInstance(v.type)!)
    );

    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is null)
            return Task.CompletedTask;

        foreach (var property in context.JsonTypeInfo.Properties)
            if (property.AttributeProvider is MemberInfo member && member.IsDefined(typeof(DontBindAttribute), true))
                schema.Properties.Remove(property.Name);
        if (!Validators.Value.TryGetValue(context.JsonTypeInfo.Type, out var validator))
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
            // FastEndpoints names rules after the JSON property (its naming policy); plain FluentValidation
            // after the C# one.
            var components = descriptor
                .GetRulesForMember(property.Name)
                .Concat(descriptor.GetRulesForMember(member.Name))
                .Distinct()
                .SelectMany(rule => rule.Components)
                .Where(c => !c.HasCondition && !c.HasAsyncCondition);
            foreach (var component in components)
                Describe(schema, property.Name, target, component.Validator);
        }
        return Task.CompletedTask;
    }

    private static Type? ValidatedType(Type validator)
    {
        for (var type = validator.BaseType; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                return type.GetGenericArguments()[0];
        return null;
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
