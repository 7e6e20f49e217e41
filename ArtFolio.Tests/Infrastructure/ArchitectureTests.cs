using System.Text.RegularExpressions;
using ArtFolio.Infrastructure.Endpoints;
using FluentValidation;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>Keeps the slice shape of ARCHITECTURE.md as the code grows.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly IReadOnlyList<EndpointDiscovery.DiscoveredEndpoint> Endpoints = EndpointDiscovery.FindAll(
        typeof(Program).Assembly
    );

    public static TheoryData<string> EndpointNames => new(Endpoints.Select(e => e.Type.FullName!));

    private static EndpointDiscovery.DiscoveredEndpoint Find(string name) =>
        Endpoints.Single(e => e.Type.FullName == name);

    [Fact]
    public void Endpoints_are_discovered() => Endpoints.Count.ShouldBeGreaterThanOrEqualTo(8);

    [Theory, MemberData(nameof(EndpointNames))]
    public void Every_endpoint_lives_in_its_own_slice_folder(string name)
    {
        var endpoint = Find(name);
        Endpoints.Count(e => e.Type.Namespace == endpoint.Type.Namespace && e.Definition.Replaces is null).ShouldBe(1);
        SliceNamespace()
            .IsMatch(endpoint.Type.Namespace!)
            .ShouldBeTrue($"{name} is not in Features.<Area>[.<Group>].<Slice>");
        EndpointClassName()
            .IsMatch(endpoint.Type.Name)
            .ShouldBeTrue($"{name} should be called Endpoint or EndpointV<n>");
    }

    [Theory, MemberData(nameof(EndpointNames))]
    public void Every_endpoint_says_what_it_does(string name)
    {
        var definition = Find(name).Definition;
        definition.Summary.ShouldNotBeNullOrWhiteSpace();
        definition.Route.ShouldNotStartWith("/");
    }

    [Theory, MemberData(nameof(EndpointNames))]
    public void Every_request_an_endpoint_takes_has_a_validator_beside_it(string name)
    {
        var requests = Find(name)
            .Definition.Handler.Method.GetParameters()
            .Select(p => p.ParameterType)
            .Where(t =>
                t.Namespace?.StartsWith("ArtFolio.Features.", StringComparison.Ordinal) == true
                && (
                    t.Name.EndsWith("Request", StringComparison.Ordinal)
                    || t.Name.EndsWith("Query", StringComparison.Ordinal)
                )
            );
        foreach (var request in requests)
            typeof(Program)
                .Assembly.GetTypes()
                .Any(t =>
                    t.Namespace == request.Namespace && t.IsAssignableTo(typeof(IValidator<>).MakeGenericType(request))
                )
                .ShouldBeTrue($"{request.FullName} has no validator beside it");
    }

    [Fact]
    public void A_replacement_lives_beside_what_it_replaces_in_a_later_version()
    {
        foreach (var endpoint in Endpoints.Where(e => e.Definition.Replaces is not null))
        {
            endpoint.Definition.Replaces!.Namespace.ShouldBe(endpoint.Type.Namespace);
            var replaced = Endpoints.Single(e => e.Type == endpoint.Definition.Replaces);
            endpoint.Definition.Since.ShouldBeGreaterThan(replaced.Definition.Since);
        }
    }

    // A slice folder sits in an area, or in a group inside an area (Portfolio/Projects/Add).
    [GeneratedRegex(@"^ArtFolio\.Features\.[A-Z]\w+(\.[A-Z]\w+)?\.[A-Z]\w+$")]
    private static partial Regex SliceNamespace();

    [GeneratedRegex(@"^Endpoint(V\d+)?$")]
    private static partial Regex EndpointClassName();
}
