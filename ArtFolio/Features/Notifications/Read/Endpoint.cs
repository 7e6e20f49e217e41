using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Notifications.Read;

public sealed class Endpoint(AppDbContext db, TimeProvider clock)
    : Endpoint<Request, Results<NoContent, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("notifications/{id:guid}/read");
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "Mark one of the caller's notifications read";
            s.Description = "Marking a read notification again is a 204 too.";
        });
    }

    public override async Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var (notification, problem) = await db.Notifications.FindOwnedAsync(
            n => n.Id == request.Id,
            n => n.RecipientId,
            User.UserId(),
            () => Problems.Result(StatusCodes.Status404NotFound, "There is no notification with this id."),
            () => Problems.Result(StatusCodes.Status403Forbidden, "Only its recipient can mark a notification read."),
            cancellationToken
        );
        if (notification is null)
            return problem!;

        var now = clock.GetUtcNow().UtcDateTime;
        await db
            .Notifications.Where(n => n.Id == request.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
