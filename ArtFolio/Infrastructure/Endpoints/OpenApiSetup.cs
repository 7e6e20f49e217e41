using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>One OpenAPI document per API version, with bearer auth, deprecation and slice-named schemas.</summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddVersionedOpenApi(this IServiceCollection services)
    {
        foreach (var version in ApiVersions.All)
        {
            var name = ApiVersions.DocumentName(version);
            services.AddOpenApi(
                name,
                options =>
                {
                    options.ShouldInclude = description => description.GroupName == name;
                    options.CreateSchemaReferenceId = SchemaId;
                    options.AddSchemaTransformer(ValidatorSchemaTransformer.Apply);
                    options.AddDocumentTransformer(
                        (document, _, _) =>
                        {
                            document.Info.Title = "ArtFolio API";
                            document.Info.Version = name;
                            document.Info.Description =
                                "Artists' portfolios: accounts, artworks, profiles and community. Errors are RFC 9457 problem details.";
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
                    options.AddOperationTransformer(
                        (operation, context, _) =>
                        {
                            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                            if (metadata.OfType<DeprecatedEndpointMetadata>().FirstOrDefault() is { } deprecated)
                            {
                                operation.Deprecated = true;
                                operation.Description =
                                    $"{operation.Description}\n\nDeprecated: use {deprecated.SuccessorPath}.".Trim();
                            }
                            var requiresAuth =
                                metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
                            if (requiresAuth)
                            {
                                operation.Security ??= [];
                                operation.Security.Add(
                                    new OpenApiSecurityRequirement
                                    {
                                        [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                                    }
                                );
                            }
                            return Task.CompletedTask;
                        }
                    );
                }
            );
        }
        return services;
    }

    /// <summary>Swagger UI at /swagger offering every version's document.</summary>
    public static void UseVersionedSwaggerUi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "ArtFolio API";
            foreach (var version in ApiVersions.All.Reverse())
            {
                var name = ApiVersions.DocumentName(version);
                ui.SwaggerEndpoint($"/openapi/{name}.json", $"ArtFolio API {name}");
            }
        });
    }

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
        var name = clr.FullName!.Replace("ArtFolio.Features.", "").Replace("ArtFolio.", "").Replace('+', '.');
        return name;
    }
}
