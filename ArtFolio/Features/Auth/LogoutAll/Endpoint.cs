using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Auth.LogoutAll;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("auth/logout-all", Handle) with
        {
            Summary = "End every session of the caller, on every device",
        };

    private static async Task<NoContent> Handle(
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var userId = caller.UserId();
        await db.RevokeSessionsAsync(
            s => s.UserId == userId,
            SessionRevocation.LogoutAll,
            clock.GetUtcNow().UtcDateTime,
            cancellationToken
        );
        return TypedResults.NoContent();
    }
}
