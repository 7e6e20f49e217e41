using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// What a schema calls required must always be sent: a property the serializer leaves out when it is
/// null (<c>[JsonIgnore(Condition = WhenWritingNull)]</c>, such as <c>likedByMe</c> without a token) is
/// not required, or a generated client that trusts the document fails on every answer without it.
/// </summary>
internal static class OmittableProperties
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (context.JsonPropertyInfo is not null || schema.Required is not { Count: > 0 } required)
            return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties)
            if (
                property.AttributeProvider is MemberInfo member
                && member.GetCustomAttribute<JsonIgnoreAttribute>()
                    is { Condition: JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault }
            )
                required.Remove(property.Name);
        return Task.CompletedTask;
    }
}
