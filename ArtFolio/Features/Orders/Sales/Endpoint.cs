using ArtFolio.Domain;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Orders.Sales;

public sealed class Endpoint(AppDbContext db) : Endpoint<Query, Ok<Response>>
{
    public override void Configure()
    {
        Get("sales");
        Summary(s =>
        {
            s.Summary = "The caller's sales, newest first, with their totals";
            s.Description =
                "Every paid order of the caller's artworks (refunded ones stay listed, marked refunded), with the "
                + "buyer; totals count the sales not refunded, kept with each sale rather than summed per request.";
        });
    }

    public override async Task<Ok<Response>> ExecuteAsync(Query query, CancellationToken cancellationToken)
    {
        var me = User.UserId();
        var limit = Paging.LimitOf(query);
        Paging.TryDecode<TimeCursor>(query.Cursor, out var cursor);
        var rows = await db
            .Orders.AsNoTracking()
            .Where(o => o.ArtistId == me && o.PaidAt != null)
            .After(cursor, o => o.PaidAt!.Value, o => o.Id)
            .OrderByDescending(o => o.PaidAt)
            .ThenByDescending(o => o.Id)
            .Take(limit + 1)
            .Select(o => new SaleItem(
                o.Id,
                o.Status == OrderStatus.Refunded ? "refunded" : "paid",
                new OrderArtwork(
                    o.ArtworkId,
                    o.ArtworkTitle,
                    db.Artworks.Where(a => a.Id == o.ArtworkId).Select(a => a.ThumbnailUrl).FirstOrDefault()
                ),
                o.Buyer == null ? null : new UserBadge(o.Buyer.Username, o.Buyer.DisplayName, o.Buyer.AvatarUrl),
                Money.FromCents(o.AmountCents)!.Value,
                o.Currency,
                o.PaidAt!.Value,
                o.RefundedAt
            ))
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, s => TimeCursor.Of(s.PaidAt, s.OrderId));
        var totals = await db
            .Users.Where(u => u.Id == me)
            .Select(u => new { u.SalesCount, u.SalesTotalCents })
            .SingleAsync(cancellationToken);
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(
            new Response(
                page.Items,
                page.NextCursor,
                new SalesTotals(totals.SalesCount, Money.FromCents(totals.SalesTotalCents)!.Value, Money.Currency)
            )
        );
    }
}
