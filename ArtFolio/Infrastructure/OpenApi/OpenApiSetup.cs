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
                    options.AddOperationTransformer<EndpointOperationTransformer>();
                    options.AddDocumentTransformer(UnusedSchemas.RemoveAsync);
                    options.AddDocumentTransformer(UnusedSchemas.RemoveAsync);
                    options.AddDocumentTransformer(
                        (document, _, _) =>
                        {
                            document.Info.Title = "ArtFolio API";
                            document.Info.Version = name;
                            document.Info.Description =
                                $"Artists' portfolios: accounts, artworks, profiles and community. Release {name}: every "
                                + $"endpoint at its newest version up to {release}, under /api/v<its version>/. Errors are "
                                + "RFC 9457 problem details.";
                            document.Components ??= new OpenApiComponents();
                            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                            {
                                Type = SecuritySchemeType.Http,
                                Scheme = "bearer",
                                BearerFormat = "JWT",
                                Description = "The accessToken from /auth/login, /auth/register or /auth/refresh.",
                            };
                            return Task.CompletedTask;
                        }
                    );
                }
            );
        }
        return services;
    }

    /// <summary>Swagger UI at /swagger offering every release's document, newest first.</summary>
    public static void UseVersionedSwaggerUi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
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
    /// Schemas are named after their slice (<c>Auth.Register.Request</c>) so the many classes called
    /// <c>Request</c> and <c>Response</c> do not collide.
    /// </summary>
    private static string? SchemaId(JsonTypeInfo type)
    {
        var fallback = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (fallback is null)
            return null;
        var clr = type.Type;
        if (
            clr.IsGenericType
            || clr.Namespace is null
            || !clr.Namespace.StartsWith("ArtFolio.", StringComparison.Ordinal)
        )
            return fallback;
        return clr.FullName!.Replace("ArtFolio.Features.", "").Replace("ArtFolio.", "").Replace('+', '.');
    }
}
