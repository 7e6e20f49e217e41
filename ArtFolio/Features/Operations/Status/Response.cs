using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Operations.Status;

public sealed record Response(string Status, string Version, IReadOnlyDictionary<string, ServiceStatus> Services)
    : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            "Healthy",
            "1.0.0",
            new Dictionary<string, ServiceStatus>
            {
                ["database"] = new("Healthy", 2),
                ["media"] = new("Healthy", 1),
                ["email"] = new("Disabled", 0, "No SMTP host is configured; emails are written to files."),
                ["imageSearch"] = new("Disabled", 0, "No Pexels key is configured."),
            }
        );
}

public sealed record ServiceStatus(string Status, long ResponseTimeMs, string? Detail = null);
