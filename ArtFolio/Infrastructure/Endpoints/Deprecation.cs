namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>Marks an operation that a later API version replaced.</summary>
public sealed record DeprecatedEndpointMetadata(string SuccessorPath);

public static class Deprecation
{
    /// <summary>When the v1 operations replaced in v2 were deprecated (RFC 9745 wants a date).</summary>
    public static readonly DateTimeOffset Date = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    public static void Apply(RouteHandlerBuilder builder, string successorPath) =>
        builder
            .WithMetadata(new DeprecatedEndpointMetadata(successorPath))
            .AddEndpointFilter(
                async (context, next) =>
                {
                    // RFC 9745: Deprecation is a structured-field date; Link names the replacement.
                    var headers = context.HttpContext.Response.Headers;
                    headers["Deprecation"] = $"@{Date.ToUnixTimeSeconds()}";
                    headers.Link = $"<{successorPath}>; rel=\"successor-version\"";
                    return await next(context);
                }
            );
}
