using System.ComponentModel.DataAnnotations;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Operations.Status;

/// <summary>The service's status: the worst of its services', which are listed by name.</summary>
public sealed record Response(
    [property: AllowedValues(Endpoint.Ok, Endpoint.Degraded, Endpoint.Error)] string Status,
    string Version,
    IReadOnlyDictionary<string, ServiceStatus> Services
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            Endpoint.Ok,
            "1.0.0",
            new Dictionary<string, ServiceStatus>
            {
                ["database"] = new(Endpoint.Ok, 1),
                ["redis"] = new(Endpoint.Disabled, 0, "not configured (Redis:ConnectionString): one instance"),
                ["media"] = new(Endpoint.Ok, 0, "local; thumbnails by libvips"),
                ["email"] = new(Endpoint.Ok, 0, "pickup directory (no SMTP host configured)"),
                ["imageSearch"] = new(Endpoint.Disabled, 0, "pexels; not configured (Pexels:ApiKey)"),
            }
        );
}

/// <summary>One service: <c>Disabled</c> is an optional service left unconfigured, and no reason to worry.</summary>
public sealed record ServiceStatus(
    [property: AllowedValues(Endpoint.Ok, Endpoint.Degraded, Endpoint.Error, Endpoint.Disabled)] string Status,
    long ResponseTimeMs,
    string? Detail = null
);
