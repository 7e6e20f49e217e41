using System.Diagnostics;
using System.Reflection;
using ArtFolio.Infrastructure.Email;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.ImageSearch;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace ArtFolio.Features.Operations.Status;

public sealed class Endpoint(
    PexelsOptions pexels,
    PexelsQuota pexelsQuota,
    IEmailSender email,
    AppDbContext db,
    IMediaStore media,
    MediaOptions mediaOptions,
    ILogger<Endpoint> logger
) : EndpointWithoutRequest<Results<Ok<Response>, JsonHttpResult<Response>>>
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
                + "count. Names no hosts, keys or connection strings.";
        });
    }

    public override async Task<Results<Ok<Response>, JsonHttpResult<Response>>> ExecuteAsync(
        CancellationToken cancellationToken
    )
    {
        var services = new Dictionary<string, ServiceStatus>
        {
            ["database"] = await CheckDatabase(db, logger, cancellationToken),
            ["media"] = await CheckMedia(media, mediaOptions, cancellationToken),
            ["email"] = await CheckEmail(db, email, cancellationToken),
            ["imageSearch"] = CheckImageSearch(pexels, pexelsQuota),
            ["redis"] = await CheckRedis(TryResolve<IConnectionMultiplexer>(), cancellationToken),
        };
        var overall =
            services.Values.Any(s => s.Status == Error) ? Error
            : services.Values.Any(s => s.Status == Degraded) ? Degraded
            : Ok;
        var response = new Response(overall, AppVersion, services);
        return overall == Error
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }

    /// <summary>
    /// Storage that cannot take uploads degrades the API rather than breaking it: everything but uploads works.
    /// Local storage without libvips works too, with originals standing in for thumbnails.
    /// </summary>
    private static async Task<ServiceStatus> CheckMedia(
        IMediaStore media,
        MediaOptions options,
        CancellationToken cancellationToken
    )
    {
        var clock = Stopwatch.StartNew();
        var healthy = await media.IsHealthyAsync(cancellationToken);
        var provider = options.Provider.ToString().ToLowerInvariant();
        var detail =
            options.Provider == MediaProvider.Local
                ? $"{provider}; thumbnails {(Infrastructure.Media.Images.IsAvailable ? "by libvips" : "off (libvips did not load): originals stand in")}"
                : provider;
        return new ServiceStatus(
            healthy ? Ok : Degraded,
            clock.ElapsedMilliseconds,
            healthy ? detail : $"{provider} unavailable"
        );
    }

    /// <summary>
    /// Mail is sent in the background and kept when it fails: messages that failed three times or more and
    /// are still waiting degrade the status (they are retried, and none is dropped).
    /// </summary>
    private static async Task<ServiceStatus> CheckEmail(
        AppDbContext db,
        IEmailSender sender,
        CancellationToken cancellationToken
    )
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var failing = await db
                .Outbox.Where(m => m.Topic == EmailOutbox.Topic && m.DispatchedAt == null && m.Attempts >= 3)
                .CountAsync(cancellationToken);
            return failing == 0
                ? new ServiceStatus(Ok, clock.ElapsedMilliseconds, sender.Describe())
                : new ServiceStatus(
                    Degraded,
                    clock.ElapsedMilliseconds,
                    $"{sender.Describe()}; {failing} message(s) failing, kept and retried"
                );
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ServiceStatus(Error, clock.ElapsedMilliseconds, "unknown: the database is unreachable");
        }
    }

    /// <summary>
    /// Pexels as its last answer left it: the quota remaining and when it resets, never calling it from
    /// here (the quota is finite). Out of quota after a 429 is Degraded until the reset; no key is Disabled.
    /// </summary>
    private static ServiceStatus CheckImageSearch(PexelsOptions options, PexelsQuota quota)
    {
        if (!options.IsConfigured)
            return new ServiceStatus(Disabled, 0, "pexels; not configured (Pexels:ApiKey)");
        var (limit, remaining, reset, blockedUntil) = quota.Snapshot();
        var resets = reset is null ? "" : $", resets at {reset.Value.UtcDateTime:O}";
        if (blockedUntil is not null)
            return new ServiceStatus(Degraded, 0, $"pexels; quota used up until {blockedUntil.Value.UtcDateTime:O}");
        return new ServiceStatus(
            Ok,
            0,
            remaining is null ? "pexels; no call made yet" : $"pexels; {remaining} of {limit} requests left{resets}"
        );
    }

    /// <summary>
    /// Redis shares caches, rate limits, evictions and the real-time fan-out between instances. Without it
    /// every instance works alone: limits count per instance and pushes reach only sockets held by the
    /// instance that sends them. Degraded, since the API itself goes on.
    /// </summary>
    private static async Task<ServiceStatus> CheckRedis(
        IConnectionMultiplexer? redis,
        CancellationToken cancellationToken
    )
    {
        if (redis is null)
            return new ServiceStatus(Disabled, 0, "not configured (Redis:ConnectionString): one instance");
        var clock = Stopwatch.StartNew();
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return new ServiceStatus(Ok, clock.ElapsedMilliseconds, "shared by the instances");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new ServiceStatus(
                Degraded,
                clock.ElapsedMilliseconds,
                "unreachable: each instance counts limits and pushes to its own sockets alone"
            );
        }
    }

    private static async Task<ServiceStatus> CheckDatabase(
        AppDbContext db,
        ILogger logger,
        CancellationToken cancellationToken
    )
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return new ServiceStatus(Ok, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Status check: database unreachable");
            return new ServiceStatus(Error, clock.ElapsedMilliseconds, "unreachable");
        }
    }
}
