using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Features.Artworks;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.OpenApi;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Notifications;

/// <summary>A notification as the list returns it and the socket pushes it.</summary>
public sealed record NotificationItem(
    Guid Id,
    [property: AllowedValues(
        NotificationTypes.NewArtwork,
        NotificationTypes.NewFollower,
        NotificationTypes.Like,
        NotificationTypes.Comment,
        NotificationTypes.Broadcast,
        NotificationTypes.Sale
    )]
        string Type,
    UserSummary Actor,
    Guid? ArtworkId,
    string Message,
    DateTime CreatedAt,
    bool Read
) : IHasExample<NotificationItem>
{
    public static NotificationItem Example { get; } =
        new(
            Guid.Parse("0193a5c2-b1c2-7d3e-8f40-6b7c8d9e0005"),
            NotificationTypes.Like,
            UserSummary.Example,
            ArtworkResponse.Example.Id,
            "mira liked your artwork \"Lantern over the harbor\"",
            new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc),
            false
        );

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
            UserSummary.From(n.Actor),
            n.ArtworkId,
            n.Message,
            n.CreatedAt,
            n.ReadAt != null
        );
}
