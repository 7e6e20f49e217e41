using System.Reflection;
using System.Text.Json.Nodes;
using ArtFolio.Infrastructure.Endpoints;
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
        foreach (var property in context.JsonTypeInfo.Properties)
            if (
                property.AttributeProvider is MemberInfo member
                && schema.Properties.TryGetValue(property.Name, out var propertySchema)
                && propertySchema is OpenApiSchema target
            )
                ApplyRules(
                    context.JsonTypeInfo.Type,
                    member,
                    property.Name,
                    target,
                    () => (schema.Required ??= new HashSet<string>()).Add(property.Name)
                );
        return Task.CompletedTask;
    }

    /// <summary>
    /// The unconditional rules the validator of <paramref name="requestType"/> holds for one of its
    /// properties, written into that property's schema (a body property or a query parameter).
    /// </summary>
    public static void ApplyRules(
        Type requestType,
        MemberInfo member,
        string jsonName,
        OpenApiSchema target,
        Action markRequired
    )
    {
        if (!Validators.Value.TryGetValue(requestType, out var validator))
            return;
        var descriptor = validator.CreateDescriptor();
        // FastEndpoints names rules after the JSON property (its naming policy); plain FluentValidation
        // after the C# one.
        var components = descriptor
            .GetRulesForMember(jsonName)
            .Concat(descriptor.GetRulesForMember(member.Name))
            .Distinct()
            .SelectMany(rule => rule.Components)
            .Where(c => !c.HasCondition && !c.HasAsyncCondition);
        foreach (var component in components)
            Describe(target, component.Validator, markRequired);
    }

    private static Type? ValidatedType(Type validator)
    {
        for (var type = validator.BaseType; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                return type.GetGenericArguments()[0];
        return null;
    }

    private static void Describe(OpenApiSchema target, IPropertyValidator rule, Action markRequired)
    {
        switch (rule)
        {
            case INotNullValidator or INotEmptyValidator:
                markRequired();
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
            case IOneOfValidator oneOf:
                target.Enum = [.. oneOf.Values.Select(v => (JsonNode)JsonValue.Create(v))];
                break;
            case IBetweenValidator { From: IConvertible from, To: IConvertible to, Name: "InclusiveBetweenValidator" }:
                target.Minimum = Number(from);
                target.Maximum = Number(to);
                break;
            case IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual, ValueToCompare: IConvertible min }:
                target.Minimum = Number(min);
                break;
            case IComparisonValidator { Comparison: Comparison.LessThanOrEqual, ValueToCompare: IConvertible max }:
                target.Maximum = Number(max);
                break;
        }
    }

    private static string Number(IConvertible value) =>
        Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
}
