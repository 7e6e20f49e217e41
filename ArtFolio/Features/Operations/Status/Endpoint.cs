using System.Reflection;
using ArtFolio.Infrastructure.Health;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtFolio.Features.Operations.Status;

/// <summary>
/// The health checks each part registers (database, media, email, image search, Redis), as one report
/// that is computed at most once per <c>Status:CacheDuration</c> (5 s) whatever the request rate.
/// </summary>
public sealed class Endpoint(StatusReport report)
    : EndpointWithoutRequest<Results<Ok<Response>, JsonHttpResult<Response>>>
{
    public const string Ok = "OK";
    public const string Degraded = "Degraded";
    public const string Error = "Error";

    /// <summary>An optional service that is not configured: reported, and no reason to worry.</summary>
    public const string Disabled = "Disabled";

    private static readonly string AppVersion =
        typeof(Endpoint)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0]
        ?? "unknown";

    public override void Configure()
    {
        Get("status");
        AllowAnonymous();
        Description(endpoint => endpoint.Produces<Response>(StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Health of the API and the services it depends on";
            s.Description =
                "200 when OK or Degraded, 503 when Error; a service that is not configured is Disabled and does not "
                + "count. Names no hosts, keys or connection strings. One report serves every caller for "
                + "Status:CacheDuration (5 s): outside services are probed at most once in that time.";
        });
    }

    public override async Task<Results<Ok<Response>, JsonHttpResult<Response>>> ExecuteAsync(
        CancellationToken cancellationToken
    )
    {
        var health = await report.GetAsync().WaitAsync(cancellationToken);
        var services = health.Entries.ToDictionary(
            e => e.Key,
            e => new ServiceStatus(StatusOf(e.Value), (long)e.Value.Duration.TotalMilliseconds, e.Value.Description)
        );
        var overall =
            services.Values.Any(s => s.Status == Error) ? Error
            : services.Values.Any(s => s.Status == Degraded) ? Degraded
            : Ok;
        var response = new Response(overall, AppVersion, services);
        return overall == Error
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }

    private static string StatusOf(HealthReportEntry entry) =>
        entry.IsDisabled()
            ? Disabled
            : entry.Status switch
            {
                HealthStatus.Healthy => Ok,
                HealthStatus.Degraded => Degraded,
                _ => Error,
            };
}
