using FastEndpoints;

namespace ArtFolio.Features.Notifications.Socket;

/// <summary>The socket's query string: browsers cannot set headers on a WebSocket, so the token travels here.</summary>
public sealed record Request
{
    /// <summary>The caller's access token (the same JWT as in an Authorization header).</summary>
    [QueryParam, BindFrom("access_token")]
    public string? AccessToken { get; init; }
}
