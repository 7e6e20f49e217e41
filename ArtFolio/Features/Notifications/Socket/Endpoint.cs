using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Http;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Realtime;
using FastEndpoints;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.OpenApi;

namespace ArtFolio.Features.Notifications.Socket;

public sealed class Endpoint(
    ConnectionRegistry registry,
    ActiveSessions sessions,
    AppDbContext db,
    JwtOptions jwt,
    TimeProvider clock,
    GracefulShutdown shutdown,
    AllowedOrigins origins
) : EndpointWithoutRequest<IResult>
{
    public override void Configure()
    {
        Get(AuthSetup.SocketPath);
        Description(endpoint =>
            endpoint
                .Produces(StatusCodes.Status101SwitchingProtocols)
                .Produces(StatusCodes.Status200OK)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
                // Read by the bearer handler (AuthSetup), not bound here: declared for the document only.
                .AddOpenApiOperationTransformer(
                    (operation, _, _) =>
                    {
                        operation.Parameters ??= [];
                        operation.Parameters.Add(
                            new OpenApiParameter
                            {
                                Name = "access_token",
                                In = ParameterLocation.Query,
                                Description =
                                    "The caller's access token: browsers cannot set headers on a WebSocket. "
                                    + "Other clients may send an Authorization header instead.",
                                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                            }
                        );
                        return Task.CompletedTask;
                    }
                )
        );
        Summary(s =>
        {
            s.Summary = "WebSocket: each new notification for the caller, pushed as one JSON text message";
            s.Description =
                "Connect with ?access_token=<accessToken>; a missing or bad token is a 401 before the upgrade, a plain "
                + "GET a 400, a browser page of an origin not in Cors:AllowedOrigins a 403. The server closes the "
                + "socket (1008) when the token expires: reconnect with a fresh one. An instance that is shutting down closes "
                + "its sockets with 1001 (going away) and refuses new ones (503): reconnect, after a second, to reach "
                + "another. The upgrade answers 101 over "
                + "HTTP/1.1, 200 over HTTP/2 (extended CONNECT).";
        });
    }

    public override async Task<IResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!HttpContext.WebSockets.IsWebSocketRequest)
            return Problems.Result(
                StatusCodes.Status400BadRequest,
                "Connect to this address with a WebSocket upgrade."
            );
        // Browsers let any page open a WebSocket anywhere: only pages of the allowed origins may.
        if (!origins.Allows(HttpContext.Request))
            return Problems.Result(
                StatusCodes.Status403Forbidden,
                "Pages of this origin may not connect; see Cors:AllowedOrigins."
            );

        if (shutdown.IsDraining)
        {
            HttpContext.Response.Headers.RetryAfter = "1";
            return Problems.Result(
                StatusCodes.Status503ServiceUnavailable,
                "This instance is shutting down; connect again to reach another."
            );
        }

        var (userId, sessionId) = (User.UserId(), User.SessionId());
        using var socket = await HttpContext.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketConnection(socket);
        using var until = CancellationTokenSource.CreateLinkedTokenSource(
            HttpContext.RequestAborted,
            shutdown.SocketsClosing
        );
        var closeReason = SocketClose.Policy("access token expired; reconnect with a new one");
        if (long.TryParse(User.FindFirstValue(JwtRegisteredClaimNames.Exp), out var exp))
            until.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, exp - clock.GetUtcNow().ToUnixTimeSeconds())));
        // The session can end while the socket is open (logout elsewhere, account deleted): look again
        // as often as the session check's cache would, and close the socket when it has.
        var watching = WatchSessionAsync(
            userId,
            sessionId,
            until,
            () => closeReason = SocketClose.Policy("session ended; log in again")
        );
        using (shutdown.SocketOpened())
        using (registry.Register(userId, connection))
            await connection.RunAsync(
                until.Token,
                () => shutdown.SocketsClosing.IsCancellationRequested ? SocketClose.GoingAway : closeReason
            );
        await until.CancelAsync();
        await watching;
        return Results.Empty;
    }

    private async Task WatchSessionAsync(Guid userId, Guid sessionId, CancellationTokenSource until, Action ended)
    {
        var every =
            jwt.SessionCheckCacheDuration > TimeSpan.FromSeconds(1)
                ? jwt.SessionCheckCacheDuration
                : TimeSpan.FromSeconds(1);
        try
        {
            while (!until.IsCancellationRequested)
            {
                await Task.Delay(every, until.Token);
                if (await sessions.IsActiveAsync(db, userId, sessionId, until.Token))
                    continue;
                ended();
                await until.CancelAsync();
            }
        }
        catch (OperationCanceledException) { }
    }
}
