using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Auth.Logout;

/// <summary>
/// v2 logout: ends the session of the caller's access token. A client no longer has to keep the
/// refresh token within reach of the code that logs out (it may sit in secure storage, or be lost).
/// </summary>
public sealed class EndpointV2 : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("auth/logout", Handle) with
        {
            Summary = "End the caller's current session (the one its access token belongs to)",
            Since = ApiVersions.V2,
            Replaces = typeof(Endpoint),
        };

    private static async Task<NoContent> Handle(
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var (userId, sessionId) = (caller.UserId(), caller.SessionId());
        await db.RevokeSessionsAsync(
            s => s.Id == sessionId && s.UserId == userId,
            SessionRevocation.Logout,
            clock.GetUtcNow().UtcDateTime,
            cancellationToken
        );
        return TypedResults.NoContent();
    }
}
