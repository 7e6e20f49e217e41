using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Notifications.List;

/// <summary>A cursor page of the caller's notifications, with how many of all of them are unread.</summary>
public sealed record Response(IReadOnlyList<NotificationItem> Items, string? NextCursor, int UnreadCount)
    : IHasExample<Response>
{
    public static Response Example { get; } = new([NotificationItem.Example], null, 1);
}
