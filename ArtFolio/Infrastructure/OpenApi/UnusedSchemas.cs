using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// Drops component schemas nothing refers to: FastEndpoints declares a body type for every endpoint,
/// so request types carried wholly in the route or query string would otherwise be listed unused.
/// </summary>
internal static partial class UnusedSchemas
{
    public static async Task RemoveAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        if (document.Components?.Schemas is not { Count: > 0 } schemas)
            return;
        while (true)
        {
            var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
            var used = SchemaReference().Matches(json).Select(m => m.Groups["name"].Value).ToHashSet();
            var unused = schemas.Keys.Where(name => !used.Contains(name)).ToList();
            if (unused.Count == 0)
                return;
            foreach (var name in unused)
                schemas.Remove(name);
        }
    }

    [GeneratedRegex("\"#/components/schemas/(?<name>[^\"]+)\"")]
    private static partial Regex SchemaReference();
}
