using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.Logout;

/// <summary>v1 logout: the session is named by its refresh token. Replaced in v2 by <see cref="EndpointV2"/>.</summary>
public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("auth/logout", Handle) with
        {
            Summary = "End the session a refresh token belongs to",
            Description =
                "Logging out a session that has already ended is a 204 too; a token we never issued is a 401.",
            AllowAnonymous = true,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status401Unauthorized),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Request request,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var hash = TokenService.Hash(request.RefreshToken!);
        var sessionId = await db
            .RefreshTokens.Where(t => t.TokenHash == hash)
            .Select(t => (Guid?)t.SessionId)
            .SingleOrDefaultAsync(cancellationToken);
        if (sessionId is null)
            return Problems.Result(StatusCodes.Status401Unauthorized, Refresh.Endpoint.Invalid);

        await db.RevokeSessionsAsync(
            s => s.Id == sessionId,
            SessionRevocation.Logout,
            clock.GetUtcNow().UtcDateTime,
            cancellationToken
        );
        return TypedResults.NoContent();
    }
}
