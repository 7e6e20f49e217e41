namespace ArtFolio.Features.Operations.Status;

public sealed record Response(string Status, string Version, IReadOnlyDictionary<string, ServiceStatus> Services);

public sealed record ServiceStatus(string Status, long ResponseTimeMs, string? Detail = null);
