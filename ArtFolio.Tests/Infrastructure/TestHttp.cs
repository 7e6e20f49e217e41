using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastEndpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// Tests call endpoints with FastEndpoints' own typed extensions (<c>POSTAsync&lt;Endpoint, Request, Response&gt;</c>).
/// What those cannot send — bodies that are malformed, hand-shaped or of another content type, and raw
/// query strings — goes through <see cref="SendRawAsync{TEndpoint}"/>, still addressed by endpoint type:
/// its verb and route come from the running app's FastEndpoints definitions.
/// </summary>
public static partial class TestHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ConcurrentDictionary<Type, (string Verb, string Route)> Routes = new();

    /// <summary>Learns every endpoint's verb and route from a started app (all apps share them).</summary>
    public static void LearnRoutes(IServiceProvider services)
    {
        if (!Routes.IsEmpty)
            return;
        foreach (var endpoint in services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints))
            if (endpoint is RouteEndpoint route && route.Metadata.GetMetadata<EndpointDefinition>() is { } definition)
                Routes.TryAdd(definition.EndpointType, (definition.Verbs[0], route.RoutePattern.RawText!));
    }

    /// <summary>Sends <paramref name="body"/> as it is (HttpContent) or as JSON, to the endpoint's route.</summary>
    public static async Task<HttpResponseMessage> SendRawAsync<TEndpoint>(
        this HttpClient client,
        object? body = null,
        object? route = null,
        string? query = null
    )
        where TEndpoint : IEndpoint
    {
        var (verb, _) = Routes[typeof(TEndpoint)];
        using var message = new HttpRequestMessage(new HttpMethod(verb), UrlOf<TEndpoint>(route ?? body, query));
        if (body is not null)
            message.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: Json);
        return await client.SendAsync(message);
    }

    /// <summary>As <see cref="SendRawAsync{TEndpoint}"/>, reading a successful answer as <typeparamref name="TResponse"/>.</summary>
    public static async Task<(HttpResponseMessage Response, TResponse? Result)> SendRawAsync<TEndpoint, TResponse>(
        this HttpClient client,
        object? body = null,
        object? route = null,
        string? query = null
    )
        where TEndpoint : IEndpoint
    {
        var response = await client.SendRawAsync<TEndpoint>(body, route, query);
        var result =
            response.IsSuccessStatusCode && response.Content.Headers.ContentLength != 0
                ? await response.Content.ReadFromJsonAsync<TResponse>(Json)
                : default;
        return (response, result);
    }

    /// <summary>The endpoint's path with its <c>{placeholders}</c> filled from <paramref name="values"/>' properties.</summary>
    public static string UrlOf<TEndpoint>(object? values = null, string? query = null)
        where TEndpoint : IEndpoint
    {
        var (_, route) = Routes[typeof(TEndpoint)];
        var path = Fill(
            route,
            name =>
                values
                    ?.GetType()
                    .GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                    ?.GetValue(values)
                    ?.ToString()
                ?? throw new ArgumentException($"No value for route placeholder '{name}'.")
        );
        return $"/{path.TrimStart('/')}{(query is null ? "" : "?" + query)}";
    }

    /// <summary>A route template (<c>artworks/{id:guid}</c>) with each placeholder replaced by <paramref name="valueOf"/> its name.</summary>
    public static string Fill(string route, Func<string, string> valueOf) =>
        Placeholder().Replace(route, match => Uri.EscapeDataString(valueOf(match.Groups["name"].Value)));

    public static async Task<ProblemDocument> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ProblemDocument>(Json))!;
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)[^}]*\}")]
    private static partial Regex Placeholder();
}

/// <summary>An RFC 9457 problem as the tests read it.</summary>
public sealed record ProblemDocument(
    string? Type,
    int Status,
    string? Title,
    string? Detail,
    string? TraceId,
    Dictionary<string, string[]>? Errors
);
