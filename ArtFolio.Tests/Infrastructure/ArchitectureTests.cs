using System.Text.RegularExpressions;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>Keeps the slice shape of docs/architecture.md as the code grows.</summary>
public sealed partial class ArchitectureTests
{
    /// <summary>Every FastEndpoints endpoint class in the app.</summary>
    private static readonly IReadOnlyList<Type> EndpointTypes = typeof(Program)
        .Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && t.IsAssignableTo(typeof(BaseEndpoint)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> EndpointNames => new(EndpointTypes.Select(e => e.FullName!));

    /// <summary>The definitions FastEndpoints built for the running app.</summary>
    private static async Task<IReadOnlyList<EndpointDefinition>> DefinitionsAsync()
    {
        var app = await TestApp.For(Db.Sqlite);
        return app
            .Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .Select(e => e.Metadata.GetMetadata<EndpointDefinition>())
            .OfType<EndpointDefinition>()
            .Distinct()
            .ToList();
    }

    private static async Task<EndpointDefinition> DefinitionOf(string name) =>
        (await DefinitionsAsync()).Single(d => d.EndpointType.FullName == name);

    [Fact]
    public void The_domain_depends_on_nothing_of_the_infrastructure_or_the_features()
    {
        var domain = typeof(Program).Assembly.GetTypes().Where(t => t.Namespace == "ArtFolio.Domain").ToList();
        domain.ShouldNotBeEmpty();
        var used = domain.SelectMany(t =>
            t.GetProperties()
                .Select(p => p.PropertyType)
                .Concat(t.GetFields().Select(f => f.FieldType))
                .Concat(t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .SelectMany(type => type.IsGenericType ? type.GetGenericArguments().Append(type) : [type])
                .Select(type => (Owner: t.Name, type.Namespace))
        );
        used.Where(u => u.Namespace?.StartsWith("ArtFolio.") == true && u.Namespace != "ArtFolio.Domain")
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_endpoint_class_is_mapped()
    {
        EndpointTypes.Count.ShouldBeGreaterThanOrEqualTo(40);
        (await DefinitionsAsync()).Select(d => d.EndpointType).ShouldBe(EndpointTypes, ignoreOrder: true);
    }

    [Theory, MemberData(nameof(EndpointNames))]
    public async Task Every_endpoint_lives_in_its_own_slice_folder(string name)
    {
        var endpoint = EndpointTypes.Single(e => e.FullName == name);
        var definitions = await DefinitionsAsync();
        definitions
            .Count(d => d.EndpointType.Namespace == endpoint.Namespace && d.Version.DeprecatedAt == 0)
            .ShouldBe(1, $"one current endpoint per slice folder ({endpoint.Namespace})");
        SliceNamespace()
            .IsMatch(endpoint.Namespace!)
            .ShouldBeTrue($"{name} is not in Features.<Area>[.<Group>].<Slice>");
        EndpointClassName().IsMatch(endpoint.Name).ShouldBeTrue($"{name} should be called Endpoint or EndpointV<n>");
    }

    [Theory, MemberData(nameof(EndpointNames))]
    public async Task Every_endpoint_says_what_it_does(string name)
    {
        var definition = await DefinitionOf(name);
        definition.EndpointSummary?.Summary.ShouldNotBeNullOrWhiteSpace();
        definition.Routes.ShouldHaveSingleItem().ShouldNotStartWith("/");
    }

    [Theory, MemberData(nameof(EndpointNames))]
    public async Task Every_request_an_endpoint_takes_has_a_validator_beside_it(string name)
    {
        var definition = await DefinitionOf(name);
        var request = definition.ReqDtoType;
        var hasBody = request.GetProperties().Any(p => !p.IsDefined(typeof(RouteParamAttribute), true));
        if (request == typeof(EmptyRequest) || !hasBody)
            return; // nothing but route values: routing has checked them
        definition.ValidatorType.ShouldNotBeNull($"{request.FullName} has no validator");
        definition.ValidatorType.Namespace.ShouldBe(
            request.Namespace,
            $"{request.FullName}'s validator is not beside it"
        );
        definition.ValidatorType.IsAssignableTo(typeof(IValidator<>).MakeGenericType(request)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_deprecated_endpoint_has_its_successor_beside_it_at_that_version()
    {
        var definitions = await DefinitionsAsync();
        var deprecated = definitions.Where(d => d.Version.DeprecatedAt > 0).ToList();
        deprecated.ShouldNotBeEmpty();
        foreach (var old in deprecated)
        {
            var successor = definitions.Single(d =>
                d.Routes[0] == old.Routes[0] && d.Verbs.SequenceEqual(old.Verbs) && d != old
            );
            successor.EndpointType.Namespace.ShouldBe(old.EndpointType.Namespace);
            successor.Version.Current.ShouldBe(old.Version.DeprecatedAt);
        }
    }

    // A slice folder sits in an area, or in a group inside an area (Portfolio/Projects/Add).
    [GeneratedRegex(@"^ArtFolio\.Features\.[A-Z]\w+(\.[A-Z]\w+)?\.[A-Z]\w+$")]
    private static partial Regex SliceNamespace();

    [GeneratedRegex(@"^Endpoint(V\d+)?$")]
    private static partial Regex EndpointClassName();
}
