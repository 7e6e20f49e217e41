using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// Every JSON answer whose schema is an <see cref="IHasExample{TSelf}"/> type (or a page of one)
/// carries that example, serialized as the API serializes it.
/// </summary>
internal static class ResponseExamples
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonNode>> BySchema = new(Build);

    public static Task ApplyAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        var responses = document
            .Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Responses ?? [])
            .Where(response => response.Key.StartsWith('2'))
            .Select(response => response.Value);
        foreach (var response in responses)
        foreach (var (type, content) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
            if (
                type == "application/json"
                && content.Schema is OpenApiSchemaReference { Reference.Id: { } id }
                && BySchema.Value.TryGetValue(id, out var example)
            )
                content.Example = example.DeepClone();
        return Task.CompletedTask;
    }

    private static IReadOnlyDictionary<string, JsonNode> Build()
    {
        var examples = new Dictionary<string, JsonNode>();
        var types = typeof(ResponseExamples)
            .Assembly.GetTypes()
            .Where(t =>
                t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHasExample<>))
            );
        foreach (var type in types)
        {
            var example = type.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var items = Array.CreateInstance(type, 1);
            items.SetValue(example, 0);
            var page = Activator.CreateInstance(
                typeof(Page<>).MakeGenericType(type),
                items,
                "eyJLZXkiOjYzOTAwMDAwMDAwMDAwMDAwMCwiSWQiOiIwMTkzYTVjMiJ9"
            )!;
            examples[OpenApiSetup.SchemaName(type)!] = Serialize(example);
            examples[OpenApiSetup.SchemaName(page.GetType())!] = Serialize(page);
        }
        return examples;
    }

    private static JsonNode Serialize(object value) =>
        JsonSerializer.SerializeToNode(value, value.GetType(), JsonSerializerOptions.Web)!;
}
