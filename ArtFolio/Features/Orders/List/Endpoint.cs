using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Orders.List;

public sealed class Endpoint(AppDbContext db) : Endpoint<Query, Ok<Page<OrderResponse>>>
{
    public override void Configure()
    {
        Get("orders");
        Summary(s =>
        {
            s.Summary = "The caller's orders (purchases), newest first";
            s.Description =
                "Every checkout the caller started, or only those in one status (?status=paid: what they own). "
                + "A paid order's artwork can be downloaded at full resolution through GET /artworks/{id}/original.";
        });
    }

    public override async Task<Ok<Page<OrderResponse>>> ExecuteAsync(Query query, CancellationToken cancellationToken)
    {
        var me = User.UserId();
        var limit = Paging.LimitOf(query);
        Paging.TryDecode<TimeCursor>(query.Cursor, out var cursor);
        var orders = db.Orders.AsNoTracking().Where(o => o.BuyerId == me);
        if (StatusOf(query.Status) is { } status)
            orders = orders.Where(o => o.Status == status);
        var rows = await orders
            .After(cursor, o => o.CreatedAt, o => o.Id)
            .OrderByDescending(o => o.CreatedAt)
            .ThenByDescending(o => o.Id)
            .Take(limit + 1)
            .WithThumbnails(db)
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, r => TimeCursor.Of(r.Order.CreatedAt, r.Order.Id));
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(new Page<OrderResponse>([.. page.Items.Select(r => r.ToResponse())], page.NextCursor));
    }

    /// <summary>The status a query names (<c>refund_pending</c>), or null.</summary>
    public static OrderStatus? StatusOf(string? name)
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
            if (OrderResponse.StatusName(status) == name)
                return status;
        return null;
    }
}
