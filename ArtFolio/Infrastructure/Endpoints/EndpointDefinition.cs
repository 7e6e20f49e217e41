namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>What a slice declares about its endpoint: verb, route, handler, auth and API version.</summary>
/// <param name="Method">The HTTP verb.</param>
/// <param name="Route">Relative to the version group, e.g. <c>artworks/{id}</c>.</param>
/// <param name="Handler">The request handler; its parameters are bound per request.</param>
public sealed record EndpointDefinition(string Method, string Route, Delegate Handler)
{
    public static EndpointDefinition Get(string route, Delegate handler) => new(HttpMethods.Get, route, handler);

    public static EndpointDefinition Post(string route, Delegate handler) => new(HttpMethods.Post, route, handler);

    public static EndpointDefinition Put(string route, Delegate handler) => new(HttpMethods.Put, route, handler);

    public static EndpointDefinition Delete(string route, Delegate handler) => new(HttpMethods.Delete, route, handler);

    /// <summary>One line for the OpenAPI document.</summary>
    public string Summary { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>Anonymous callers allowed; otherwise a valid access token is required.</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>The first API version that serves this endpoint.</summary>
    public int Since { get; init; } = ApiVersions.V1;

    /// <summary>
    /// The endpoint this one replaces from <see cref="Since"/> on. The replaced endpoint stays in the
    /// earlier versions, marked deprecated there.
    /// </summary>
    public Type? Replaces { get; init; }

    /// <summary>A rate limiting policy name from <see cref="RateLimitPolicies"/>.</summary>
    public string? RateLimitPolicy { get; init; }

    /// <summary>Anything else the endpoint needs: response metadata, body size limits, content types.</summary>
    public Action<RouteHandlerBuilder>? Configure { get; init; }
}
