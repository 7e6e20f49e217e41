using System.Text.Json.Serialization.Metadata;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// One OpenAPI document per release group (FastEndpoints' versioning model): document vN lists, for
/// every endpoint, its newest version up to N. Bearer auth, deprecation, parameters and examples come
/// from each endpoint's FastEndpoints definition (<see cref="EndpointOperationTransformer"/>).
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    /// <summary>The release groups a document is served for, oldest first.</summary>
    public static readonly int[] ReleaseGroups = [1, 2];

    public static string DocumentName(int release) => $"v{release}";

    public static IServiceCollection AddVersionedOpenApi(this IServiceCollection services)
    {
        foreach (var release in ReleaseGroups)
        {
            var name = DocumentName(release);
            services.AddOpenApi(
                name,
                options =>
                {
                    options.ShouldInclude = description =>
                        InRelease(description.ActionDescriptor.EndpointMetadata, release);
                    options.CreateSchemaReferenceId = SchemaId;
                    options.AddSchemaTransformer(RequestSchemaTransformer.Apply);
                    options.AddSchemaTransformer(OmittableProperties.Apply);
                    options.AddSchemaTransformer(SchemaDocumentation.Apply);
                    options.AddOperationTransformer<EndpointOperationTransformer>();
                    options.AddDocumentTransformer(new DocumentDescription(release));
                    options.AddDocumentTransformer(ResponseExamples.ApplyAsync);
                    options.AddDocumentTransformer(UnusedSchemas.RemoveAsync);
                }
            );
        }
        return services;
    }

    /// <summary>Every release's document at /openapi/{name}.json and, unless turned off, Swagger UI at /swagger offering them newest first.</summary>
    public static void UseVersionedOpenApi(this WebApplication app, bool swaggerUi)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        if (!swaggerUi)
            return;
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "ArtFolio API";
            foreach (var release in ReleaseGroups.Reverse())
            {
                var name = DocumentName(release);
                ui.SwaggerEndpoint($"/openapi/{name}.json", $"ArtFolio API {name}");
            }
        });
    }

    /// <summary>
    /// An endpoint belongs to release N if it was introduced (or last changed) at N or before, and no
    /// later version replaced it by N. Routes outside FastEndpoints (health, the WebSocket) are not listed.
    /// </summary>
    private static bool InRelease(IList<object> metadata, int release) =>
        metadata.OfType<EndpointDefinition>().FirstOrDefault()?.Version is { } version
        && version.Current <= release
        && (version.DeprecatedAt == 0 || release < version.DeprecatedAt);

    /// <summary>
    /// Schema names are type names generators can use as they are: the class name when no other of
    /// ours shares it (<c>ArtworkResponse</c>), else its slice path run together
    /// (<c>AuthRegisterRequest</c>, since every slice has a <c>Request</c>); a page is <c>PageOf</c> its item.
    /// </summary>
    private static string? SchemaId(JsonTypeInfo type) =>
        type.Type == typeof(IFormFile) // inline: a file is a binary string (SchemaDocumentation), not a type
            ? null
            : SchemaName(type.Type) ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    private static readonly Lazy<ILookup<string, Type>> OurTypesByName = new(() =>
        typeof(OpenApiSetup).Assembly.GetTypes().Where(t => !t.IsGenericType).ToLookup(t => t.Name)
    );

    internal static string? SchemaName(Type clr)
    {
        if (clr.Namespace?.StartsWith("ArtFolio.", StringComparison.Ordinal) != true)
            return null;
        if (clr.IsGenericType)
            return clr.Name[..clr.Name.IndexOf('`')]
                + "Of"
                + string.Concat(clr.GetGenericArguments().Select(a => SchemaName(a) ?? a.Name));
        if (OurTypesByName.Value[clr.Name].Count() == 1)
            return clr.Name;
        var path = clr.FullName!.Replace("ArtFolio.Features.", "").Replace("ArtFolio.", "");
        return string.Concat(path.Split('.', '+'));
    }
}
