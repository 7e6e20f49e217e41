using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Redis;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ArtFolio.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry: traces of requests (ASP.NET Core), of what they call (HttpClient: Cloudinary, Pexels,
/// Stripe; EF Core and Npgsql; Redis) and metrics of ASP.NET Core, HttpClient, the runtime, the process and
/// <see cref="AppMetrics"/>. Exported over OTLP when a collector is configured, scraped by Prometheus when
/// that is switched on; otherwise collected for nobody (no exporter, next to no cost).
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = services.AddSettings<TelemetryOptions>(builder.Configuration, TelemetryOptions.Section);
        services.AddSingleton<AppMetrics>();
        var redis = builder.Configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        var version = typeof(TelemetrySetup).Assembly.GetName().Version?.ToString() ?? "0";

        var telemetry = services
            .AddOpenTelemetry()
            .ConfigureResource(resource =>
                resource.AddService(
                    options.ServiceName,
                    serviceVersion: version,
                    serviceInstanceId: Environment.MachineName
                )
            )
            .WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                    {
                        aspNetCore.RecordException = true;
                        // Probes and scrapes are not traffic: a trace each would drown the rest.
                        aspNetCore.Filter = http => !IsProbe(http.Request.Path, options);
                    })
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource(AppTraces.SourceName, "Npgsql");
                if (redis.IsConfigured)
                    tracing.AddRedisInstrumentation();
                if (options.OtlpConfigured)
                    tracing.AddOtlpExporter(otlp => Otlp(otlp, options, "v1/traces"));
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation()
                    .AddMeter(AppMetrics.MeterName, "Npgsql");
                if (options.OtlpConfigured)
                    metrics.AddOtlpExporter(
                        (otlp, reader) =>
                        {
                            Otlp(otlp, options, "v1/metrics");
                            reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)
                                options.ExportInterval.TotalMilliseconds;
                        }
                    );
                if (options.PrometheusEnabled)
                    metrics.AddPrometheusExporter();
            });
        _ = telemetry;

        // A port of its own for the scrape: the API's addresses plus this one.
        if (options.PrometheusEnabled && options.PrometheusPort is { } port)
        {
            var urls = builder.Configuration["urls"] is { Length: > 0 } configured
                ? configured
                : "http://localhost:5000";
            builder.WebHost.UseUrls($"{urls};http://+:{port}");
        }
        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when switched on: only on its own port if it has one.</summary>
    public static IApplicationBuilder UsePrometheusScraping(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.PrometheusEnabled)
            return app;
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == options.PrometheusPath
            && (options.PrometheusPort is not { } port || http.Connection.LocalPort == port)
        );
    }

    private static bool IsProbe(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/health") || path == options.PrometheusPath;

    /// <summary>
    /// The collector's address for one signal. Over HTTP the exporter posts to the endpoint exactly as
    /// set in code (only the environment variable gets <c>/v1/traces</c> added), so the signal's path is
    /// added here: <c>http://collector:4318</c> means <c>.../v1/traces</c> and <c>.../v1/metrics</c>.
    /// </summary>
    private static void Otlp(OtlpExporterOptions otlp, TelemetryOptions options, string signalPath)
    {
        var http = options.OtlpProtocol == "HttpProtobuf";
        otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (options.OtlpEndpoint is { Length: > 0 } endpoint)
            otlp.Endpoint = new Uri(http ? $"{endpoint.TrimEnd('/')}/{signalPath}" : endpoint);
    }
}
