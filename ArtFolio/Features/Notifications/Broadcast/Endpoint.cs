using ArtFolio.Domain;
using ArtFolio.Features.Auth;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Notifications.Broadcast;

public sealed class Endpoint(AppDbContext db, NotificationOutbox notifications) : Endpoint<Request, Accepted<Response>>
{
    public override void Configure()
    {
        Post("notifications/broadcast");
        RequireVerifiedEmail.On(Definition);
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status403Forbidden));
        Summary(s =>
        {
            s.Summary = "Send a message to all of the caller's followers";
            s.ExampleRequest = new Request { Message = "New series drops on Friday: previews in my portfolio." };
            s.Description =
                "202: the fan-out happens in the background; recipients is the follower count when it was accepted.";
        });
    }

    public override async Task<Accepted<Response>> ExecuteAsync(Request request, CancellationToken cancellationToken)
    {
        var me = User.UserId();
        var recipients = await db.Follows.CountAsync(f => f.FolloweeId == me, cancellationToken);
        notifications.ToFollowers(db, NotificationTypes.Broadcast, me, null, request.Message!.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new Response(recipients));
    }
}
