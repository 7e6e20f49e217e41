namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// Thrown where a request is refused before a handler can return a result (while binding or streaming
/// a body); the exception handler answers it as a problem with this status and detail.
/// </summary>
public sealed class RequestRejectedException(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;
}
