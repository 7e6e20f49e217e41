using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.Logout;

/// <summary>v1 logout: the session is named by its refresh token. Replaced in v2 by <see cref="EndpointV2"/>.</summary>
public sealed class Endpoint(AppDbContext db, Sessions sessions)
    : Endpoint<Request, Results<NoContent, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("auth/logout");
        Version(1, deprecateAt: 2);
        AllowAnonymous();
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status401Unauthorized));
        Summary(s =>
        {
            s.Summary = "End the session a refresh token belongs to";
            s.ExampleRequest = new Request { RefreshToken = "q0bVZ1cWm8n4r2tWdkQp6yXh3sJ9fL5aE7uC1oIkT0g" };
            s.Description =
                "Logging out a session that has already ended is a 204 too; a token we never issued is a 401.";
        });
    }

    public override async Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(
        Request request,
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

        await sessions.RevokeAsync(null, sessionId, Sessions.Logout, cancellationToken);
        return TypedResults.NoContent();
    }
}
