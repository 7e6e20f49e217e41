using System.Reflection;
using FluentValidation;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>Finds every <see cref="IEndpoint"/> in the app and maps it into the version groups it belongs to.</summary>
public static class EndpointDiscovery
{
    /// <summary>An endpoint type with its definition, read once.</summary>
    public sealed record DiscoveredEndpoint(Type Type, EndpointDefinition Definition)
    {
        /// <summary><c>Auth</c> for <c>ArtFolio.Features.Auth.Register.Endpoint</c>.</summary>
        public string Area => SliceName.Split('.')[0];

        /// <summary><c>Auth.Register</c> for <c>ArtFolio.Features.Auth.Register.Endpoint</c>.</summary>
        public string SliceName => Type.Namespace!.Replace("ArtFolio.Features.", "");
    }

    public static IReadOnlyList<DiscoveredEndpoint> FindAll(Assembly assembly) =>
        assembly
            .GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.IsAssignableTo(typeof(IEndpoint)))
            .Select(t => new DiscoveredEndpoint(t, ReadDefinition(t)))
            .OrderBy(e => e.Type.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The endpoints served in <paramref name="version"/>: introduced by then and not yet replaced.</summary>
    public static IEnumerable<DiscoveredEndpoint> ServedIn(this IReadOnlyList<DiscoveredEndpoint> all, int version) =>
        all.Where(e => e.Definition.Since <= version && all.ReplacementOf(e, version) is null);

    /// <summary>The endpoint that replaces <paramref name="endpoint"/> in or before <paramref name="version"/>, if any.</summary>
    public static DiscoveredEndpoint? ReplacementOf(
        this IReadOnlyList<DiscoveredEndpoint> all,
        DiscoveredEndpoint endpoint,
        int version
    ) => all.FirstOrDefault(r => r.Definition.Replaces == endpoint.Type && r.Definition.Since <= version);

    public static void MapDiscoveredEndpoints(this IEndpointRouteBuilder app, IReadOnlyList<DiscoveredEndpoint> all)
    {
        foreach (var version in ApiVersions.All)
        {
            var group = app.MapGroup(ApiVersions.BasePath(version)).WithGroupName(ApiVersions.DocumentName(version));
            foreach (var endpoint in all.ServedIn(version))
                Map(group, endpoint, version, successor: all.ReplacementOf(endpoint, int.MaxValue));
        }
    }

    private static void Map(
        RouteGroupBuilder group,
        DiscoveredEndpoint endpoint,
        int version,
        DiscoveredEndpoint? successor
    )
    {
        var definition = endpoint.Definition;
        var builder = group
            .MapMethods(definition.Route, [definition.Method], definition.Handler)
            .WithName($"{endpoint.SliceName}.{endpoint.Type.Name}.v{version}")
            .WithSummary(definition.Summary)
            .WithTags(endpoint.Area)
            .AddEndpointFilterFactory(ValidationFilter.Create);

        if (definition.Description is not null)
            builder.WithDescription(definition.Description);
        if (HasValidatedArgument(definition, ((IEndpointRouteBuilder)group).ServiceProvider))
            builder.ProducesValidationProblem();
        if (definition.AllowAnonymous)
            builder.AllowAnonymous();
        else
            builder.RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        if (definition.RateLimitPolicy is not null)
            builder
                .RequireRateLimiting(definition.RateLimitPolicy)
                .ProducesProblem(StatusCodes.Status429TooManyRequests);
        if (successor is not null)
            Deprecation.Apply(
                builder,
                ApiVersions.BasePath(successor.Definition.Since) + "/" + successor.Definition.Route
            );

        definition.Configure?.Invoke(builder);
    }

    /// <summary>Whether the validation filter can answer 400 for this endpoint, so the document says so.</summary>
    private static bool HasValidatedArgument(EndpointDefinition definition, IServiceProvider services) =>
        definition
            .Handler.Method.GetParameters()
            .Any(p => services.GetService(typeof(IValidator<>).MakeGenericType(p.ParameterType)) is not null);

    private static EndpointDefinition ReadDefinition(Type type) =>
        (EndpointDefinition)
            typeof(EndpointDiscovery)
                .GetMethod(nameof(DefinitionOf), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type)
                .Invoke(null, null)!;

    private static EndpointDefinition DefinitionOf<T>()
        where T : IEndpoint => T.Definition;
}
