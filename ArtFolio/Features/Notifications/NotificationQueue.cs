using System.Threading.Channels;

namespace ArtFolio.Features.Notifications;

/// <summary>Something happened that people should hear about.</summary>
/// <param name="Type">One of <see cref="Domain.NotificationTypes"/>.</param>
/// <param name="ActorId">Who did it; never notified of their own action.</param>
/// <param name="RecipientId">The one recipient, or null for all of the actor's followers.</param>
/// <param name="ArtworkId">The artwork it is about, if any.</param>
/// <param name="Message">The text the recipients read.</param>
/// <param name="OccurredAt">When it happened: followers are those who followed by then, not by the time the queue gets to it.</param>
public sealed record NotificationEvent(
    string Type,
    Guid ActorId,
    Guid? RecipientId,
    Guid? ArtworkId,
    string Message,
    DateTime OccurredAt
);

/// <summary>
/// Where requests drop their notifications: a bounded channel that the dispatcher drains in the
/// background, so a request never waits for a fan-out to thousands of followers. When the queue is
/// full (the dispatcher far behind) a request waits for room rather than losing notifications.
/// </summary>
public sealed class NotificationQueue(TimeProvider clock)
{
    public const int Capacity = 10_000;

    private readonly Channel<NotificationEvent> channel = Channel.CreateBounded<NotificationEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }
    );

    public ChannelReader<NotificationEvent> Reader => channel.Reader;

    public ValueTask EnqueueAsync(NotificationEvent notification, CancellationToken cancellationToken = default) =>
        channel.Writer.WriteAsync(notification, cancellationToken);

    /// <summary>Notify the actor's followers.</summary>
    public ValueTask ToFollowersAsync(string type, Guid actorId, Guid? artworkId, string message) =>
        EnqueueAsync(new NotificationEvent(type, actorId, null, artworkId, message, clock.GetUtcNow().UtcDateTime));

    /// <summary>Notify one user, unless they are the actor.</summary>
    public ValueTask ToUserAsync(string type, Guid actorId, Guid recipientId, Guid? artworkId, string message) =>
        actorId == recipientId
            ? ValueTask.CompletedTask
            : EnqueueAsync(
                new NotificationEvent(type, actorId, recipientId, artworkId, message, clock.GetUtcNow().UtcDateTime)
            );
}
