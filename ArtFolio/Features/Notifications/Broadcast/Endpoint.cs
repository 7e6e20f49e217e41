using System.Security.Claims;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Notifications.Broadcast;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("notifications/broadcast", Handle) with
        {
            Summary = "Send a message to all of the caller's followers",
            Description =
                "202: the fan-out happens in the background; recipients is the follower count when it was accepted.",
        };

    private static async Task<Accepted<Response>> Handle(
        Request request,
        ClaimsPrincipal caller,
        AppDbContext db,
        NotificationQueue notifications,
        CancellationToken cancellationToken
    )
    {
        var me = caller.UserId();
        var recipients = await db.Follows.CountAsync(f => f.FolloweeId == me, cancellationToken);
        await notifications.ToFollowersAsync(NotificationTypes.Broadcast, me, null, request.Message!.Trim());
        return TypedResults.Accepted((string?)null, new Response(recipients));
    }
}
