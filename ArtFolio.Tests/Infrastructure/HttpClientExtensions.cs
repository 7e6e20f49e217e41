using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Http;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// Calls endpoints by type, never by hand-typed URL: the route comes from the endpoint's definition,
/// with <c>{placeholders}</c> filled from <c>route</c> (an anonymous object) or from the request's properties.
/// </summary>
public static partial class HttpClientExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<(HttpResponseMessage Response, TResponse? Body)> PostAsync<TEndpoint, TRequest, TResponse>(
        this HttpClient client,
        TRequest request,
        object? route = null,
        int version = ApiVersions.V1
    )
        where TEndpoint : IEndpoint =>
        client.CallAsync<TEndpoint, TResponse>(HttpMethods.Post, request, route, version);

    public static Task<(HttpResponseMessage Response, TResponse? Body)> PutAsync<TEndpoint, TRequest, TResponse>(
        this HttpClient client,
        TRequest request,
        object? route = null,
        int version = ApiVersions.V1
    )
        where TEndpoint : IEndpoint => client.CallAsync<TEndpoint, TResponse>(HttpMethods.Put, request, route, version);

    public static Task<(HttpResponseMessage Response, TResponse? Body)> GetAsync<TEndpoint, TResponse>(
        this HttpClient client,
        object? route = null,
        string? query = null,
        int version = ApiVersions.V1
    )
        where TEndpoint : IEndpoint =>
        client.CallAsync<TEndpoint, TResponse>(HttpMethods.Get, null, route, version, query);

    /// <summary>Sends to the endpoint and returns the raw response (for 204s and error cases).</summary>
    public static async Task<HttpResponseMessage> SendAsync<TEndpoint>(
        this HttpClient client,
        object? body = null,
        object? route = null,
        int version = ApiVersions.V1,
        string? query = null
    )
        where TEndpoint : IEndpoint
    {
        var definition = TEndpoint.Definition;
        using var message = new HttpRequestMessage(
            new HttpMethod(definition.Method),
            UrlOf<TEndpoint>(route ?? body, version, query)
        );
        if (body is not null)
            message.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: Json);
        return await client.SendAsync(message);
    }

    /// <summary><c>/api/v1/</c> plus the endpoint's route with its placeholders filled.</summary>
    public static string UrlOf<TEndpoint>(object? values = null, int version = ApiVersions.V1, string? query = null)
        where TEndpoint : IEndpoint
    {
        var route = Placeholder()
            .Replace(
                TEndpoint.Definition.Route,
                match =>
                {
                    var name = match.Groups["name"].Value;
                    var value = values
                        ?.GetType()
                        .GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                        ?.GetValue(values);
                    return Uri.EscapeDataString(
                        value?.ToString() ?? throw new ArgumentException($"No value for route placeholder '{name}'.")
                    );
                }
            );
        return $"{ApiVersions.BasePath(version)}/{route}{(query is null ? "" : "?" + query)}";
    }

    public static async Task<ProblemDocument> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ProblemDocument>(Json))!;
    }

    private static async Task<(HttpResponseMessage, TResponse?)> CallAsync<TEndpoint, TResponse>(
        this HttpClient client,
        string method,
        object? request,
        object? route,
        int version,
        string? query = null
    )
        where TEndpoint : IEndpoint
    {
        TEndpoint.Definition.Method.ShouldBe(method, $"{typeof(TEndpoint).FullName} is not a {method} endpoint");
        var response = await client.SendAsync<TEndpoint>(request, route, version, query);
        var body =
            response.IsSuccessStatusCode && response.Content.Headers.ContentLength != 0
                ? await response.Content.ReadFromJsonAsync<TResponse>(Json)
                : default;
        return (response, body);
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)[^}]*\}")]
    private static partial Regex Placeholder();
}

/// <summary>An RFC 9457 problem as the tests read it.</summary>
public sealed record ProblemDocument(
    int Status,
    string? Title,
    string? Detail,
    string? TraceId,
    Dictionary<string, string[]>? Errors
);
