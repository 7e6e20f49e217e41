using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArtFolio.Infrastructure.Telemetry;

/// <summary>
/// ArtFolio's own instruments, on the <c>ArtFolio</c> meter, beside ASP.NET Core's, the runtime's and the
/// process's: what the product does (uploads, logins, notifications) and what an operator watches for
/// (outbox backlog, rate-limit refusals). Names follow OpenTelemetry's conventions (dots, units).
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "ArtFolio";

    private readonly Counter<long> uploads;
    private readonly Counter<long> uploadedBytes;
    private readonly Counter<long> logins;
    private readonly Counter<long> notificationsPushed;
    private readonly Counter<long> rateLimited;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        uploads = meter.CreateCounter<long>(
            "artfolio.uploads",
            "{upload}",
            "Files uploaded and stored (artworks and avatars)."
        );
        uploadedBytes = meter.CreateCounter<long>(
            "artfolio.uploads.size",
            "By",
            "Bytes of the files uploaded and stored."
        );
        logins = meter.CreateCounter<long>("artfolio.logins", "{login}", "Login attempts, by outcome.");
        notificationsPushed = meter.CreateCounter<long>(
            "artfolio.notifications.pushed",
            "{notification}",
            "Notifications stored and pushed to their recipients' sockets."
        );
        rateLimited = meter.CreateCounter<long>(
            "artfolio.rate_limit.rejections",
            "{request}",
            "Requests refused with 429, by policy."
        );
        Meter = meter;
    }

    /// <summary>For gauges that others observe (the outbox's).</summary>
    public Meter Meter { get; }

    /// <param name="use"><c>artwork</c> or <c>avatar</c>.</param>
    /// <param name="kind"><c>image</c> or <c>video</c>.</param>
    /// <param name="bytes">The file's size.</param>
    public void Uploaded(string use, string kind, long bytes)
    {
        var tags = new TagList { { "artfolio.upload.use", use }, { "artfolio.media.kind", kind } };
        uploads.Add(1, tags);
        uploadedBytes.Add(bytes, tags);
    }

    /// <param name="outcome"><c>success</c> or <c>wrong_credentials</c>.</param>
    public void LoginAttempted(string outcome) =>
        logins.Add(1, new KeyValuePair<string, object?>("artfolio.login.outcome", outcome));

    public void NotificationsPushed(int count) => notificationsPushed.Add(count);

    public void RateLimited(string? policy) =>
        rateLimited.Add(1, new KeyValuePair<string, object?>("artfolio.rate_limit.policy", policy ?? "global"));
}
