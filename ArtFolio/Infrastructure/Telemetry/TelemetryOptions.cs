using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Telemetry;

public sealed class TelemetryOptions : ICheckedSettings
{
    public const string Section = "Telemetry";

    /// <summary>The service name on every span and metric (<c>service.name</c>).</summary>
    public string ServiceName { get; set; } = "artfolio";

    /// <summary>
    /// An OpenTelemetry collector's OTLP address (<c>http://collector:4317</c> for gRPC,
    /// <c>http://collector:4318</c> with <see cref="OtlpProtocol"/> <c>HttpProtobuf</c>): traces and metrics are
    /// exported there. None: nothing is exported (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable also works).
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>How often metrics are pushed to the collector.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Serve metrics for Prometheus to scrape. Off by default: metrics name routes and counts, so expose them on purpose.</summary>
    public bool PrometheusEnabled { get; set; }

    /// <summary>Where the scrape endpoint answers.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// A port of its own for the scrape endpoint (listened on beside the API's): the endpoint answers only
    /// there, so it can stay off the public network. None: on the API's own port(s).
    /// </summary>
    public int? PrometheusPort { get; set; }

    /// <summary>The share of traces kept when no parent decided (1.0 keeps every trace).</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    public bool OtlpConfigured =>
        !string.IsNullOrWhiteSpace(OtlpEndpoint)
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ServiceName))
            yield return "ServiceName: is required";
        if (OtlpEndpoint is { Length: > 0 } && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
            yield return "OtlpEndpoint: must be an absolute URL";
        if (OtlpProtocol is not ("Grpc" or "HttpProtobuf"))
            yield return "OtlpProtocol: Grpc or HttpProtobuf";
        if (ExportInterval < TimeSpan.FromSeconds(1))
            yield return "ExportInterval: at least 00:00:01";
        if (!PrometheusPath.StartsWith('/'))
            yield return "PrometheusPath: must start with /";
        if (PrometheusPort is < 1 or > 65535)
            yield return "PrometheusPort: 1 to 65535";
        if (TraceSampleRatio is < 0 or > 1)
            yield return "TraceSampleRatio: 0 to 1";
    }
}
