using System.Diagnostics;

namespace ArtFolio.Infrastructure.Telemetry;

/// <summary>ArtFolio's own spans, where the instrumented libraries cannot see the request.</summary>
public static class AppTraces
{
    public const string SourceName = "ArtFolio";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Work a request hands to HybridCache: the cache runs it apart from the request's execution context
    /// (one run serves every caller waiting for the same key), so its HTTP and SQL spans would start traces
    /// of their own. Capture the caller's context with <see cref="Caller"/> before, and open this span in the
    /// factory: the work then appears under the request that started it.
    /// </summary>
    public static Activity? StartShared(string name, ActivityContext? caller) =>
        Source.StartActivity(name, ActivityKind.Internal, caller ?? default);

    /// <summary>The current request's span context, if it is traced.</summary>
    public static ActivityContext? Caller => Activity.Current?.Context;
}
