using FastEndpoints;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// FastEndpoints deprecates an endpoint (<c>Version(1).DeprecateAt(2)</c>) in its documents only; this
/// tells clients too. A pre-processor, because headers must be set before the handler writes the body.
/// </summary>
public sealed class DeprecationHeaders : IGlobalPreProcessor
{
    /// <summary>When the v1 operations replaced in v2 were deprecated (RFC 9745 wants a date).</summary>
    public static readonly DateTimeOffset Date = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    public Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        var endpoint = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>();
        if (endpoint is not null)
        {
            // RFC 9745: Deprecation is a structured-field date; Link names the successor, which is the
            // same route at the version that deprecated this one.
            var headers = context.HttpContext.Response.Headers;
            headers["Deprecation"] = $"@{Date.ToUnixTimeSeconds()}";
            headers.Link =
                $"<{FastEndpointsSetup.PathOf(endpoint.Routes[0], endpoint.Version.DeprecatedAt)}>; rel=\"successor-version\"";
        }
        return Task.CompletedTask;
    }
}
