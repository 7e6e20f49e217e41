using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Notifications.ReadAll;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("notifications/read-all", Handle) with
        {
            Summary = "Mark all of the caller's notifications read",
        };

    private static async Task<NoContent> Handle(
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var (me, now) = (caller.UserId(), clock.GetUtcNow().UtcDateTime);
        await db
            .Notifications.Where(n => n.RecipientId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
