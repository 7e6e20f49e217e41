using System.Reflection;
using System.Text.RegularExpressions;
using FastEndpoints;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// Paths of this API's own endpoints, read from their FastEndpoints definitions (route, version
/// prefix and all): a <c>Location</c> header names the endpoint it points to by type, never by a
/// hand-written <c>/api/v1/...</c> that would drift from the route.
/// </summary>
public sealed partial class EndpointLinks(IEnumerable<EndpointDataSource> sources)
{
    private readonly Lazy<Dictionary<Type, (string Verb, string Route)>> routes = new(() =>
    {
        var byType = new Dictionary<Type, (string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints))
            if (endpoint is RouteEndpoint route && route.Metadata.GetMetadata<EndpointDefinition>() is { } definition)
                byType.TryAdd(definition.EndpointType, (definition.Verbs![0], route.RoutePattern.RawText!));
        return byType;
    });

    /// <summary>The verb and route template (<c>api/v1/artworks/{id:guid}</c>) of an endpoint.</summary>
    public (string Verb, string Route) RouteOf(Type endpoint) => routes.Value[endpoint];

    /// <summary><c>/api/v1/artworks/0195...</c>: the endpoint's path with its placeholders filled from <paramref name="values"/>.</summary>
    public string PathTo<TEndpoint>(object? values = null)
        where TEndpoint : IEndpoint => "/" + Fill(RouteOf(typeof(TEndpoint)).Route.TrimStart('/'), values);

    /// <summary>A route template with each <c>{placeholder}</c> replaced by the same-named property of <paramref name="values"/>.</summary>
    public static string Fill(string route, object? values) =>
        Fill(
            route,
            name =>
                Convert.ToString(
                    values
                        ?.GetType()
                        .GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                        ?.GetValue(values)
                        ?? throw new ArgumentException($"No value for route placeholder '{name}'."),
                    System.Globalization.CultureInfo.InvariantCulture
                )!
        );

    /// <summary>A route template (<c>artworks/{id:guid}</c>) with each placeholder replaced by <paramref name="valueOf"/> its name.</summary>
    public static string Fill(string route, Func<string, string> valueOf) =>
        Placeholder().Replace(route, match => Uri.EscapeDataString(valueOf(match.Groups["name"].Value)));

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
