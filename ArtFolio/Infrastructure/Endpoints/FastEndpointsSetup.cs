using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Http.Features;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// FastEndpoints as this API uses it: routes under <c>/api/v{version}</c>, JSON that refuses numbers
/// in strings, and every binding or validation failure answered in the one problem shape.
/// </summary>
public static class FastEndpointsSetup
{
    public const string RoutePrefix = "api";
    public const string VersionPrefix = "v";

    /// <summary>The failure name a body that is not JSON is reported under (never a field's name).</summary>
    private const string UnreadableBody = "$body";

    public static IServiceCollection AddApiEndpoints(this IServiceCollection services)
    {
        // A property's rules stop at its first failure: a later rule never sees a value an earlier one
        // refused (a null that NotEmpty reported must not reach a Must that trims it), and one message per cause.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        // Responses written as IResults use ASP.NET Core's JSON options: the same rules as requests.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddSingleton<EndpointLinks>();
        return services.AddFastEndpoints(options => options.Assemblies = [typeof(Program).Assembly]);
    }

    public static IApplicationBuilder UseApiEndpoints(this IApplicationBuilder app) =>
        app.UseFastEndpoints(config =>
        {
            config.Endpoints.RoutePrefix = RoutePrefix;
            config.Versioning.Prefix = VersionPrefix;
            config.Versioning.PrependToRoute = true;
            config.Versioning.DefaultVersion = 1;

            config.Serializer.Options.NumberHandling = JsonNumberHandling.Strict;
            config.Serializer.SerializerErrorsField = UnreadableBody;
            // An empty body is no body, whatever its Content-Type says (clients often send the header on
            // every request): the request is bound from the route and query, and validated as usual.
            config.Serializer.RequestDeserializer = async (request, type, context, cancellationToken) =>
                request.ContentLength == 0
                || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false
                    ? null
                    : await request.ReadFromJsonAsync(
                        type,
                        context?.Options ?? config.Serializer.Options,
                        cancellationToken
                    );
            config.Binding.JsonExceptionTransformer = error => JsonBodyErrors.Describe(error, UnreadableBody);
            config.Binding.FailureMessage = (_, name, value) =>
                $"'{value}' is not a valid value for {JsonNamingPolicy.CamelCase.ConvertName(name)}.";

            config.Errors.ContentType = "application/problem+json";
            config.Errors.ProducesMetadataType = typeof(HttpValidationProblemDetails);
            config.Errors.ResponseBuilder = (failures, http, status) =>
                Problems.FromFailures(failures, http, status, UnreadableBody);
        });

    /// <summary><c>/api/v2/auth/logout</c> for route <c>auth/logout</c> at version 2.</summary>
    public static string PathOf(string route, int version) => $"/{RoutePrefix}/{VersionPrefix}{version}/{route}";
}
