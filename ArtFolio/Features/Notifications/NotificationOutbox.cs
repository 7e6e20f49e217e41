using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Notifications;

/// <summary>Something happened that people should hear about.</summary>
/// <param name="Type">One of <see cref="Domain.NotificationTypes"/>.</param>
/// <param name="ActorId">Who did it; never notified of their own action.</param>
/// <param name="RecipientId">The one recipient, or null for all of the actor's followers.</param>
/// <param name="ArtworkId">The artwork it is about, if any.</param>
/// <param name="Message">The text the recipients read.</param>
/// <param name="OccurredAt">When it happened: followers are those who followed by then, not by the time the dispatcher gets to it.</param>
public sealed record NotificationEvent(
    string Type,
    Guid ActorId,
    Guid? RecipientId,
    Guid? ArtworkId,
    string Message,
    DateTime OccurredAt
);

/// <summary>
/// Where requests put their notifications: an outbox row added to the request's own unit of work, so
/// it commits with the change it reports (a like, a follow, an upload) or not at all. The fan-out to
/// followers happens afterwards, in the background (<see cref="NotificationHandler"/>): a request never
/// waits for thousands of followers, and a crash after the commit loses nothing.
/// </summary>
public sealed class NotificationOutbox(TimeProvider clock)
{
    public const string Topic = "notification";

    /// <summary>Notify the actor's followers (once <paramref name="db"/> saves).</summary>
    public void ToFollowers(AppDbContext db, string type, Guid actorId, Guid? artworkId, string message) =>
        Add(db, new NotificationEvent(type, actorId, null, artworkId, message, clock.GetUtcNow().UtcDateTime));

    /// <summary>Notify one user, unless they are the actor (once <paramref name="db"/> saves).</summary>
    public void ToUser(AppDbContext db, string type, Guid actorId, Guid recipientId, Guid? artworkId, string message)
    {
        if (actorId != recipientId)
            Add(
                db,
                new NotificationEvent(type, actorId, recipientId, artworkId, message, clock.GetUtcNow().UtcDateTime)
            );
    }

    private static void Add(AppDbContext db, NotificationEvent notification) =>
        db.Outbox.Add(OutboxMessage.For(Topic, notification, notification.OccurredAt));
}
