using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Notifications.ReadAll;

public sealed class Endpoint(AppDbContext db, TimeProvider clock) : EndpointWithoutRequest<NoContent>
{
    public override void Configure()
    {
        Post("notifications/read-all");
        Summary(s =>
        {
            s.Summary = "Mark all of the caller's notifications read";
            s.Description =
                "Marks every unread notification of the caller read in one statement; 204 whether or not any were unread.";
        });
    }

    public override async Task<NoContent> ExecuteAsync(CancellationToken cancellationToken)
    {
        var (me, now) = (User.UserId(), clock.GetUtcNow().UtcDateTime);
        await db
            .Notifications.Where(n => n.RecipientId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
