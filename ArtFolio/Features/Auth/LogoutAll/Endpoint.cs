using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Auth.LogoutAll;

public sealed class Endpoint(AppDbContext db, ActiveSessions sessions, TimeProvider clock)
    : EndpointWithoutRequest<NoContent>
{
    public override void Configure()
    {
        Post("auth/logout-all");
        Summary(s =>
        {
            s.Summary = "End every session of the caller, on every device";
        });
    }

    public override async Task<NoContent> ExecuteAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        await db.RevokeSessionsAsync(
            sessions,
            s => s.UserId == userId,
            SessionRevocation.LogoutAll,
            clock.GetUtcNow().UtcDateTime,
            cancellationToken
        );
        return TypedResults.NoContent();
    }
}
