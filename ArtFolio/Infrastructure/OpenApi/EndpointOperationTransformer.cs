using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// What Microsoft.AspNetCore.OpenApi cannot see in a FastEndpoints endpoint, read from its
/// definition: the route and query parameters of its request type, its summary and example, who may
/// call it, whether it validates, and whether a later version deprecated it.
/// </summary>
internal sealed partial class EndpointOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly string[] MethodsWithoutBody = [HttpMethods.Get, HttpMethods.Head];

    public async Task TransformAsync(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<EndpointDefinition>().FirstOrDefault() is not { } endpoint)
            return;

        var slice = endpoint.EndpointType.Namespace!.Replace("ArtFolio.Features.", "");
        operation.OperationId = $"{slice}.{endpoint.EndpointType.Name}.v{endpoint.Version.Current}";
        operation.Tags = new HashSet<OpenApiTagReference> { new(slice.Split('.')[0], context.Document) };
        operation.Summary = endpoint.EndpointSummary?.Summary;
        operation.Description = endpoint.EndpointSummary?.Description;
        if (endpoint.Version.DeprecatedAt > 0)
        {
            operation.Deprecated = true;
            var successor = FastEndpointsSetup.PathOf(endpoint.Routes[0], endpoint.Version.DeprecatedAt);
            operation.Description = $"{operation.Description}\n\nDeprecated: use {successor}.".Trim();
        }

        await AddParametersAsync(operation, context, endpoint, cancellationToken);
        var method = context.Description.HttpMethod ?? "";
        if (!HasBodyProperties(endpoint) || MethodsWithoutBody.Contains(method, StringComparer.OrdinalIgnoreCase))
            operation.RequestBody = null;
        // FastEndpoints adds a catch-all */* beside the real content type of some bodies; the real one is the contract.
        if (operation.RequestBody?.Content is { Count: > 1 } several)
            several.Remove("*/*");
        if (operation.RequestBody?.Content is { } contents && endpoint.EndpointSummary?.ExampleRequest is { } example)
            foreach (var content in contents.Values)
                content.Example = ExampleBody(example);

        operation.Responses ??= new OpenApiResponses();
        if (endpoint.ValidatorType is not null)
            AddProblem(operation, context, StatusCodes.Status400BadRequest, "HttpValidationProblemDetails");
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            AddProblem(operation, context, StatusCodes.Status429TooManyRequests, "ProblemDetails");
        if (endpoint.AnonymousVerbs is not { Length: > 0 })
        {
            AddProblem(operation, context, StatusCodes.Status401Unauthorized, "ProblemDetails");
            operation.Security ??= [];
            operation.Security.Add(
                new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document)] = [],
                }
            );
        }
    }

    /// <summary>Route placeholders become path parameters, <c>[QueryParam]</c> properties query parameters.</summary>
    private static async Task AddParametersAsync(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        EndpointDefinition endpoint,
        CancellationToken cancellationToken
    )
    {
        var properties = RequestProperties(endpoint).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var parameters = new List<IOpenApiParameter>();
        foreach (Match placeholder in RoutePlaceholder().Matches(endpoint.Routes[0]))
        {
            var name = placeholder.Groups["name"].Value;
            var type = properties.TryGetValue(name, out var property) ? property.PropertyType : typeof(string);
            parameters.Add(
                new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken),
                }
            );
        }
        foreach (var property in properties.Values.Where(p => p.IsDefined(typeof(QueryParamAttribute), true)))
            parameters.Add(
                new OpenApiParameter
                {
                    Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                    In = ParameterLocation.Query,
                    Schema = await context.GetOrCreateSchemaAsync(
                        Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType,
                        null,
                        cancellationToken
                    ),
                }
            );
        if (parameters.Count > 0)
            operation.Parameters = parameters;
    }

    /// <summary>The example as a client sends it: without the values that travel in the route or query.</summary>
    private static JsonNode? ExampleBody(object example)
    {
        var body = JsonSerializer.SerializeToNode(example, example.GetType(), JsonSerializerOptions.Web);
        if (body is JsonObject fields)
            foreach (var property in example.GetType().GetProperties())
                if (property.IsDefined(typeof(DontBindAttribute), true))
                    fields.Remove(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
        return body;
    }

    private static bool HasBodyProperties(EndpointDefinition endpoint) =>
        RequestProperties(endpoint).Any(p => !p.IsDefined(typeof(DontBindAttribute), true));

    private static IEnumerable<PropertyInfo> RequestProperties(EndpointDefinition endpoint) =>
        endpoint.ReqDtoType == typeof(EmptyRequest)
            ? []
            : endpoint.ReqDtoType.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private static void AddProblem(
        OpenApiOperation operation,
        OpenApiOperationTransformerContext context,
        int status,
        string schema
    )
    {
        // FastEndpoints declares some of these itself, without a body; the problem document is what is sent.
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing.Content is { Count: > 0 })
            return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)[^}]*\}")]
    private static partial Regex RoutePlaceholder();
}
