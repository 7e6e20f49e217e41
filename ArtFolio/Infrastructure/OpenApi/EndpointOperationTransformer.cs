using System.Globalization;
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
        // Tag_Action ("Artworks_Create", "Portfolio_EducationAdd"): generators that group by the part before
        // the underscore make an ArtworksClient with CreateAsync; each is unique within its release's document.
        var segments = slice.Split('.');
        operation.OperationId = $"{segments[0]}_{string.Concat(segments.Skip(1))}";
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
            foreach (var (type, content) in contents)
                if (type == "multipart/form-data")
                    ExampleFields(content, ExampleBody(example)); // what Swagger UI fills its form with
                else
                    content.Example = ExampleBody(example);

        operation.Responses ??= new OpenApiResponses();
        if (endpoint.ValidatorType is not null)
            AddProblem(operation, context, StatusCodes.Status400BadRequest);
        if (operation.RequestBody is not null)
            AddProblem(operation, context, StatusCodes.Status415UnsupportedMediaType);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            AddProblem(operation, context, StatusCodes.Status429TooManyRequests);
        if (endpoint.AnonymousVerbs is not { Length: > 0 })
        {
            AddProblem(operation, context, StatusCodes.Status401Unauthorized);
            operation.Security ??= [];
            operation.Security.Add(
                new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document)] = [],
                }
            );
        }
        ConditionalGetHeaders(operation);
        // Every error is the one problem schema, whoever declared the status.
        foreach (var response in operation.Responses.Values)
            if (
                response is OpenApiResponse { Content: { } content }
                && content.TryGetValue(ProblemJson, out var problem)
            )
                problem.Schema = new OpenApiSchemaReference(DocumentDescription.ProblemSchema, context.Document);
    }

    private const string ProblemJson = "application/problem+json";

    /// <summary>A read that answers 304 takes If-None-Match and sends the ETag it compares.</summary>
    private static void ConditionalGetHeaders(OpenApiOperation operation)
    {
        if (
            !operation.Responses!.TryGetValue("304", out var notModified)
            || notModified is not OpenApiResponse unchanged
        )
            return;
        unchanged.Description = "Not Modified: the If-None-Match ETag is still current; no body.";
        operation.Parameters ??= [];
        operation.Parameters.Add(
            new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of the copy the client holds; the answer is a 304 while it is current.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            }
        );
        foreach (var (status, response) in operation.Responses)
            if ((status == "200" || status == "304") && response is OpenApiResponse withHeaders)
            {
                withHeaders.Headers ??= new Dictionary<string, IOpenApiHeader>();
                withHeaders.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "This answer's version: send it back as If-None-Match.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
    }

    /// <summary>A form value (always text) as the type its field's schema declares: a price a number, tags a list.</summary>
    private static JsonNode AsTyped(JsonNode value, JsonSchemaType? type) =>
        value.GetValueKind() == JsonValueKind.String
            ? type switch
            {
                { } t
                    when t.HasFlag(JsonSchemaType.Number)
                        && decimal.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, out var number) =>
                    JsonValue.Create(number),
                { } t when t.HasFlag(JsonSchemaType.Array) => new JsonArray([
                    .. value.GetValue<string>().Split(',').Select(word => (JsonNode)JsonValue.Create(word.Trim())),
                ]),
                _ => value.DeepClone(),
            }
            : value.DeepClone();

    /// <summary>The example's values on the form's fields, where a form editor looks for them.</summary>
    private static void ExampleFields(OpenApiMediaType content, JsonNode? example)
    {
        if (content.Schema is not OpenApiSchemaReference { Target: OpenApiSchema { Properties: { } fields } })
            return;
        foreach (var (name, value) in example as JsonObject ?? [])
            if (fields.TryGetValue(name, out var field) && field is OpenApiSchema target && value is not null)
                target.Examples = [AsTyped(value, target.Type)];
    }

    /// <summary>Route placeholders become path parameters, <c>[QueryParam]</c> properties query parameters, <c>[FromHeader]</c> ones header parameters.</summary>
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
            properties.TryGetValue(name, out var property);
            var schema = await context.GetOrCreateSchemaAsync(
                property?.PropertyType ?? typeof(string),
                null,
                cancellationToken
            );
            if (
                schema is OpenApiSchema inline
                && RouteAlternatives().Match(placeholder.Value) is { Success: true } oneOf
            )
                inline.Enum = [.. oneOf.Groups["words"].Value.Split('|').Select(w => (JsonNode)JsonValue.Create(w))];
            parameters.Add(
                new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = property is null ? null : XmlDocs.Summary(property),
                    Schema = schema,
                }
            );
        }
        foreach (var property in properties.Values.Where(p => p.IsDefined(typeof(QueryParamAttribute), true)))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var parameter = new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = XmlDocs.Summary(property),
                Schema = await context.GetOrCreateSchemaAsync(
                    Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType,
                    null,
                    cancellationToken
                ),
            };
            if (parameter.Schema is OpenApiSchema constrained)
                RequestSchemaTransformer.ApplyRules(
                    endpoint.ReqDtoType,
                    property,
                    name,
                    constrained,
                    () => parameter.Required = true
                );
            parameters.Add(parameter);
        }
        foreach (var property in properties.Values)
            if (property.GetCustomAttribute<FromHeaderAttribute>(true) is { } header)
                parameters.Add(
                    new OpenApiParameter
                    {
                        Name = header.HeaderName ?? property.Name,
                        In = ParameterLocation.Header,
                        Required = header.IsRequired,
                        Description = XmlDocs.Summary(property),
                        Schema = await context.GetOrCreateSchemaAsync(typeof(string), null, cancellationToken),
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
        RequestProperties(endpoint)
            .Any(p => !p.IsDefined(typeof(DontBindAttribute), true) && !p.IsDefined(typeof(FromHeaderAttribute), true));

    private static IEnumerable<PropertyInfo> RequestProperties(EndpointDefinition endpoint) =>
        endpoint.ReqDtoType == typeof(EmptyRequest)
            ? []
            : endpoint.ReqDtoType.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status)
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
                [ProblemJson] = new()
                {
                    Schema = new OpenApiSchemaReference(DocumentDescription.ProblemSchema, context.Document),
                },
            },
        };
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)[^}]*\}")]
    private static partial Regex RoutePlaceholder();

    /// <summary>A placeholder constrained to a closed set: <c>{section:regex(^(projects|skills)$)}</c>.</summary>
    [GeneratedRegex(@":regex\(\^\((?<words>[a-z_]+(\|[a-z_]+)*)\)\$\)")]
    private static partial Regex RouteAlternatives();
}
