using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Auth.Logout;

/// <summary>
/// v2 logout: ends the session of the caller's access token. A client no longer has to keep the
/// refresh token within reach of the code that logs out (it may sit in secure storage, or be lost).
/// </summary>
public sealed class EndpointV2(Sessions sessions) : EndpointWithoutRequest<NoContent>
{
    public override void Configure()
    {
        Post("auth/logout");
        Version(2);
        Summary(s =>
        {
            s.Summary = "End the caller's current session (the one its access token belongs to)";
            s.Description =
                "Revokes the session the access token belongs to: its refresh token stops working and its access token and sockets end at once. No body; answers 204.";
        });
    }

    public override async Task<NoContent> ExecuteAsync(CancellationToken cancellationToken)
    {
        await sessions.RevokeAsync(User.UserId(), User.SessionId(), Sessions.Logout, cancellationToken);
        return TypedResults.NoContent();
    }
}
