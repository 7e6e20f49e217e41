using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Notifications.List;

public sealed class Endpoint(AppDbContext db) : Endpoint<Query, Results<Ok<Response>, StatusCodeHttpResult>>
{
    public override void Configure()
    {
        Get("notifications");
        Description(endpoint => endpoint.Produces(StatusCodes.Status304NotModified));
        Summary(s =>
        {
            s.Summary = "The caller's notifications, newest first, with the unread count";
            s.Description =
                "Cursor pages of notifications (likes, comments, new followers, new artworks by followed artists, broadcasts); `unreadCount` counts every unread one. Carries an ETag (If-None-Match: 304).";
        });
    }

    public override async Task<Results<Ok<Response>, StatusCodeHttpResult>> ExecuteAsync(
        Query query,
        CancellationToken cancellationToken
    )
    {
        var me = User.UserId();
        Paging.TryDecode<TimeCursor>(query.Cursor, out var cursor);
        var notifications = db
            .Notifications.AsNoTracking()
            .Where(n => n.RecipientId == me)
            .After(cursor, n => n.CreatedAt, n => n.Id);
        var limit = Paging.LimitOf(query);
        var rows = await notifications
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id)
            .Take(limit + 1)
            .Select(NotificationItem.Projection(db))
            .ToListAsync(cancellationToken);
        var page = Paging.ToPage(rows, limit, n => TimeCursor.Of(n.CreatedAt, n.Id));
        var unread = await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, cancellationToken);
        // A client polling for news gets a 304 until something arrives or is read.
        var version = ConditionalGet.Version([.. page.Items, page.NextCursor, unread]);
        return ConditionalGet.IsNotModified(HttpContext, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(new Response(page.Items, page.NextCursor, unread));
    }
}
