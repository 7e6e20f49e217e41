namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// One slice's HTTP endpoint. The definition is static: discovery reads it once at start-up, and the
/// handler's parameters (request, DbContext, user, cancellation token) are injected per request, so no
/// endpoint instance is ever created.
/// </summary>
public interface IEndpoint
{
    static abstract EndpointDefinition Definition { get; }
}
