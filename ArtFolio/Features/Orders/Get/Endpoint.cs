using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Orders.Get;

public sealed class Endpoint(AppDbContext db) : Endpoint<Request, Results<Ok<OrderResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Get("orders/{id:guid}");
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "One of the caller's orders";
            s.Description =
                "What a checkout's success page polls until the status is paid (Stripe's webhook decides, usually "
                + "within seconds). Only its buyer sees an order: anyone else's, or an unknown id, is a 404.";
        });
    }

    public override async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var me = User.UserId();
        var row = await db
            .Orders.AsNoTracking()
            .Where(o => o.Id == request.Id && o.BuyerId == me)
            .WithThumbnails(db)
            .SingleOrDefaultAsync(cancellationToken);
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        return row is null ? OrderProblems.NotFound() : TypedResults.Ok(row.ToResponse());
    }
}
