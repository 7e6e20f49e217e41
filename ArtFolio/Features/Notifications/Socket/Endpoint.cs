using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Realtime;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ArtFolio.Features.Notifications.Socket;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Get(AuthSetup.SocketPath, Handle) with
        {
            Summary = "WebSocket: each new notification for the caller, pushed as one JSON text message",
            Description =
                "Connect with ?access_token=<accessToken>; a missing or bad token is a 401 before the upgrade, a plain "
                + "GET a 400. The server closes the socket (1008) when the token expires: reconnect with a fresh one.",
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status400BadRequest),
        };

    private static async Task<IResult> Handle(
        HttpContext http,
        ClaimsPrincipal caller,
        ConnectionRegistry registry,
        TimeProvider clock,
        IHostApplicationLifetime lifetime
    )
    {
        if (!http.WebSockets.IsWebSocketRequest)
            return Problems.Result(
                StatusCodes.Status400BadRequest,
                "Connect to this address with a WebSocket upgrade."
            );

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketConnection(socket);
        using var until = CancellationTokenSource.CreateLinkedTokenSource(
            http.RequestAborted,
            lifetime.ApplicationStopping
        );
        if (long.TryParse(caller.FindFirstValue(JwtRegisteredClaimNames.Exp), out var exp))
            until.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, exp - clock.GetUtcNow().ToUnixTimeSeconds())));
        using (registry.Register(caller.UserId(), connection))
            await connection.RunAsync(until.Token);
        return Results.Empty;
    }
}
