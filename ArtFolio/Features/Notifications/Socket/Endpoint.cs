using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Realtime;
using FastEndpoints;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ArtFolio.Features.Notifications.Socket;

public sealed class Endpoint(ConnectionRegistry registry, TimeProvider clock, IHostApplicationLifetime lifetime)
    : EndpointWithoutRequest<IResult>
{
    public override void Configure()
    {
        Get(AuthSetup.SocketPath);
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status400BadRequest));
        Summary(s =>
        {
            s.Summary = "WebSocket: each new notification for the caller, pushed as one JSON text message";
            s.Description =
                "Connect with ?access_token=<accessToken>; a missing or bad token is a 401 before the upgrade, a plain "
                + "GET a 400. The server closes the socket (1008) when the token expires: reconnect with a fresh one.";
        });
    }

    public override async Task<IResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!HttpContext.WebSockets.IsWebSocketRequest)
            return Problems.Result(
                StatusCodes.Status400BadRequest,
                "Connect to this address with a WebSocket upgrade."
            );

        using var socket = await HttpContext.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketConnection(socket);
        using var until = CancellationTokenSource.CreateLinkedTokenSource(
            HttpContext.RequestAborted,
            lifetime.ApplicationStopping
        );
        if (long.TryParse(User.FindFirstValue(JwtRegisteredClaimNames.Exp), out var exp))
            until.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, exp - clock.GetUtcNow().ToUnixTimeSeconds())));
        using (registry.Register(User.UserId(), connection))
            await connection.RunAsync(until.Token);
        return Results.Empty;
    }
}
