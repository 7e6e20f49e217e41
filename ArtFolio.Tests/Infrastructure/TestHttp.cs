using System.Net.Http.Json;
using System.Text.Json;
using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using Microsoft.Extensions.DependencyInjection;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// Tests call endpoints with FastEndpoints' own typed extensions (<c>POSTAsync&lt;Endpoint, Request, Response&gt;</c>).
/// What those cannot send — bodies that are malformed, hand-shaped or of another content type, and raw
/// query strings — goes through <see cref="SendRawAsync{TEndpoint}"/>, still addressed by endpoint type:
/// its verb and route come from the running app's FastEndpoints definitions.
/// </summary>
public static class TestHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The app's own lookup of its endpoints' verbs and routes (every app has the same ones).
    private static EndpointLinks? links;
    private static EndpointLinks Links =>
        links ?? throw new InvalidOperationException("Start a TestApp before addressing endpoints by type.");

    /// <summary>Takes the route lookup of a started app.</summary>
    public static void LearnRoutes(IServiceProvider services) => links ??= services.GetRequiredService<EndpointLinks>();

    /// <summary>Sends <paramref name="body"/> as it is (HttpContent) or as JSON, to the endpoint's route.</summary>
    public static async Task<HttpResponseMessage> SendRawAsync<TEndpoint>(
        this HttpClient client,
        object? body = null,
        object? route = null,
        string? query = null
    )
        where TEndpoint : IEndpoint
    {
        var (verb, _) = Links.RouteOf(typeof(TEndpoint));
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
        where TEndpoint : IEndpoint => $"{Links.PathTo<TEndpoint>(values)}{(query is null ? "" : "?" + query)}";

    public static async Task<ProblemDocument> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ProblemDocument>(Json))!;
    }
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
