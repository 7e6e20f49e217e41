using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Notifications;

/// <summary>A notification as the list returns it and the socket pushes it.</summary>
public sealed record NotificationItem(
    Guid Id,
    string Type,
    UserSummary Actor,
    Guid? ArtworkId,
    string Message,
    DateTime CreatedAt,
    bool Read
)
{
    public static NotificationItem From(Notification notification, UserSummary actor) =>
        new(
            notification.Id,
            notification.Type,
            actor,
            notification.ArtworkId,
            notification.Message,
            notification.CreatedAt,
            notification.ReadAt is not null
        );

    public static Expression<Func<Notification, NotificationItem>> Projection(AppDbContext db) =>
        n => new NotificationItem(
            n.Id,
            n.Type,
            UserSummary.From(n.Actor, db.Artworks.Count(a => a.ArtistId == n.ActorId)),
            n.ArtworkId,
            n.Message,
            n.CreatedAt,
            n.ReadAt != null
        );
}
