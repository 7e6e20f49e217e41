namespace ArtFolio.Domain;

/// <summary>A user likes an artwork, once: the primary key (artwork, user) makes a second like impossible.</summary>
public sealed class Like
{
    public Guid ArtworkId { get; init; }
    public Guid UserId { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// The trailing periods whose popular counters (<see cref="RecentLikes"/>) still count this like:
    /// all of them when it is given, each dropped as the like ages out of that period. Taking the like
    /// back takes it off exactly these counters, whether or not its ageing was processed yet.
    /// </summary>
    public LikePeriods CountedIn { get; set; }
}

/// <summary>The trailing periods of the popular ranking, as flags (a like is counted in several).</summary>
[Flags]
public enum LikePeriods
{
    None = 0,
    Day = 1,
    Week = 2,
    Month = 4,
    All = Day | Week | Month,
}

/// <summary>
/// How many likes an artwork received within a trailing period: the popular ranking's counter, moved
/// by each like and unlike and by likes ageing out of the period, so that ranking reads an index
/// instead of counting every like of the period.
/// </summary>
public sealed class RecentLikes
{
    public LikePeriods Period { get; init; }
    public Guid ArtworkId { get; init; }
    public int Likes { get; set; }
}

/// <summary>How far the ageing of likes out of a period has been processed: likes before this are no longer counted in it.</summary>
public sealed class RecentLikesWindow
{
    public LikePeriods Period { get; init; }
    public DateTime CountedSince { get; set; }
}

public sealed class Comment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ArtworkId { get; init; }
    public Guid AuthorId { get; init; }
    public User Author { get; init; } = null!;
    public required string Body { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The follower follows the followee, once (primary key on the pair).</summary>
public sealed class Follow
{
    public Guid FollowerId { get; init; }
    public Guid FolloweeId { get; init; }
    public User Follower { get; init; } = null!;
    public User Followee { get; init; } = null!;
    public DateTime CreatedAt { get; init; }
}

public sealed class Download
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid ArtworkId { get; init; }
    public Artwork Artwork { get; init; } = null!;
    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// A photo from an outside library (Pexels) that a user downloaded: what the server itself looked up
/// when it was recorded, kept as a JSON snapshot (the photo, its sizes' URLs and its credit).
/// </summary>
public sealed class ExternalDownload
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string Source { get; init; }
    public required string ExternalId { get; init; }
    public required string Image { get; init; }
    public DateTime CreatedAt { get; init; }
}

public static class NotificationTypes
{
    public const string NewArtwork = "new_artwork";
    public const string NewFollower = "new_follower";
    public const string Like = "like";
    public const string Comment = "comment";
    public const string Broadcast = "broadcast";
    public const string Sale = "sale";
}

public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RecipientId { get; init; }

    /// <summary>One of <see cref="NotificationTypes"/>.</summary>
    public required string Type { get; init; }
    public Guid ActorId { get; init; }
    public User Actor { get; init; } = null!;
    public Guid? ArtworkId { get; init; }
    public required string Message { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }

    /// <summary>
    /// The outbox event it was delivered for. Unique with the recipient: an event handled twice (a
    /// claim taken over, a crash before it was marked done) cannot store a second copy.
    /// </summary>
    public Guid? EventId { get; init; }
}
