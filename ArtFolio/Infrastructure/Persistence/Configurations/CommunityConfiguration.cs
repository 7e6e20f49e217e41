using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtFolio.Infrastructure.Persistence.Configurations;

/// <summary>
/// Likes, comments, follows, downloads and notifications. Every row goes with its artwork and with
/// the users it names (ON DELETE CASCADE), so deleting either leaves nothing pointing at it.
/// </summary>
internal sealed class CommunityConfiguration
    : IEntityTypeConfiguration<Like>,
        IEntityTypeConfiguration<Comment>,
        IEntityTypeConfiguration<Follow>,
        IEntityTypeConfiguration<Download>,
        IEntityTypeConfiguration<Notification>,
        IEntityTypeConfiguration<RecentLikes>,
        IEntityTypeConfiguration<RecentLikesWindow>
{
    public void Configure(EntityTypeBuilder<Like> like)
    {
        like.ToTable("likes");
        like.HasKey(l => new { l.ArtworkId, l.UserId });
        like.HasOne<Artwork>().WithMany().HasForeignKey(l => l.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        like.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        like.HasIndex(l => new { l.UserId, l.ArtworkId });
        // Likes ageing out of a period are found by time (and, before the counters exist, counted by it).
        like.HasIndex(l => new { l.CreatedAt, l.ArtworkId });
    }

    public void Configure(EntityTypeBuilder<RecentLikes> recent)
    {
        recent.ToTable("recent_likes");
        recent.HasKey(r => new { r.Period, r.ArtworkId });
        recent.HasOne<Artwork>().WithMany().HasForeignKey(r => r.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        // A period's ranking is the top of this index.
        recent.HasIndex(r => new
        {
            r.Period,
            r.Likes,
            r.ArtworkId,
        });
        recent.HasIndex(r => r.ArtworkId);
    }

    public void Configure(EntityTypeBuilder<RecentLikesWindow> window)
    {
        window.ToTable("recent_likes_windows");
        window.HasKey(w => w.Period);
        window.Property(w => w.Period).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.ToTable("comments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.Body).HasMaxLength(2000);
        comment.HasOne<Artwork>().WithMany().HasForeignKey(c => c.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        comment.HasIndex(c => new
        {
            c.ArtworkId,
            c.CreatedAt,
            c.Id,
        });
        comment.HasIndex(c => c.AuthorId);
    }

    public void Configure(EntityTypeBuilder<Follow> follow)
    {
        follow.ToTable("follows");
        follow.HasKey(f => new { f.FollowerId, f.FolloweeId });
        follow.HasOne(f => f.Follower).WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne(f => f.Followee).WithMany().HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.Cascade);
        follow.HasIndex(f => new { f.FolloweeId, f.CreatedAt });
        follow.HasIndex(f => new { f.FollowerId, f.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<Download> download)
    {
        download.ToTable("downloads");
        download.HasKey(d => d.Id);
        download.HasOne(d => d.Artwork).WithMany().HasForeignKey(d => d.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        download.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        download.HasIndex(d => new
        {
            d.UserId,
            d.CreatedAt,
            d.Id,
        });
        download.HasIndex(d => d.ArtworkId);
    }

    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Type).HasMaxLength(20);
        notification.Property(n => n.Message).HasMaxLength(600);
        notification.HasOne<User>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne(n => n.Actor).WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.Cascade);
        notification.HasOne<Artwork>().WithMany().HasForeignKey(n => n.ArtworkId).OnDelete(DeleteBehavior.Cascade);
        notification.HasIndex(n => new
        {
            n.RecipientId,
            n.CreatedAt,
            n.Id,
        });
        notification.HasIndex(n => new { n.RecipientId, n.ReadAt });
        notification.HasIndex(n => n.ActorId);
        notification.HasIndex(n => n.ArtworkId);
        // The idempotency key of delivery: one notification per event and recipient.
        notification.HasIndex(n => new { n.EventId, n.RecipientId }).IsUnique();
    }
}

internal sealed class ExternalDownloadConfiguration : IEntityTypeConfiguration<ExternalDownload>
{
    public void Configure(EntityTypeBuilder<ExternalDownload> download)
    {
        download.ToTable("external_downloads");
        download.HasKey(d => d.Id);
        download.Property(d => d.Source).HasMaxLength(20);
        download.Property(d => d.ExternalId).HasMaxLength(40);
        download.Property(d => d.Image).HasMaxLength(8000);
        download.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        // A user's downloads, newest first.
        download.HasIndex(d => new { d.UserId, d.CreatedAt });
    }
}
