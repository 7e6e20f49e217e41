using System.Security.Claims;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Notifications.Read;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("notifications/{id:guid}/read", Handle) with
        {
            Summary = "Mark one of the caller's notifications read",
            Description = "Marking a read notification again is a 204 too.",
            Configure = endpoint =>
                endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id,
        ClaimsPrincipal caller,
        AppDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var recipient = await db
            .Notifications.Where(n => n.Id == id)
            .Select(n => (Guid?)n.RecipientId)
            .SingleOrDefaultAsync(cancellationToken);
        if (recipient is null)
            return Problems.Result(StatusCodes.Status404NotFound, "There is no notification with this id.");
        if (recipient != caller.UserId())
            return Problems.Result(StatusCodes.Status403Forbidden, "Only its recipient can mark a notification read.");

        var now = clock.GetUtcNow().UtcDateTime;
        await db
            .Notifications.Where(n => n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
