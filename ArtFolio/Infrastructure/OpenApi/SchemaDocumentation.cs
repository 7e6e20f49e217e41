using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// What a schema says beyond its shape: each type's and property's XML summary as its description,
/// <c>[AllowedValues]</c> as an enum, <c>[Obsolete]</c> as deprecated; and a form's file field as
/// the <c>string</c>/<c>binary</c> generators turn into their file type, in place of a reference to
/// a schema named after ASP.NET Core's <c>IFormFile</c>.
/// </summary>
internal static class SchemaDocumentation
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null)
            return Task.CompletedTask;
        if (type.Namespace?.StartsWith("ArtFolio.", StringComparison.Ordinal) == true)
            schema.Description ??= XmlDocs.Summary(type);
        if (schema.Properties is null)
            return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo member || !schema.Properties.ContainsKey(property.Name))
                continue;
            if (member.PropertyType == typeof(IFormFile))
                schema.Properties[property.Name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "binary",
                };
            if (schema.Properties[property.Name] is not OpenApiSchema target)
                continue;
            target.Description ??= XmlDocs.Summary(member);
            if (member.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
                target.Enum = [.. allowed.Values.OfType<string>().Select(v => (JsonNode)JsonValue.Create(v))];
            if (member.IsDefined(typeof(ObsoleteAttribute)))
                target.Deprecated = true;
        }
        return Task.CompletedTask;
    }
}
