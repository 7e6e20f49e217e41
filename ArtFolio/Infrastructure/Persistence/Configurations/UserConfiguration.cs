using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtFolio.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Username).HasMaxLength(30);
        user.Property(u => u.Email).HasMaxLength(254);
        user.Property(u => u.NormalizedEmail).HasMaxLength(254);
        user.Property(u => u.PasswordHash).HasMaxLength(200);
        user.Property(u => u.DisplayName).HasMaxLength(60);
        user.Property(u => u.DisplayNameKey).HasMaxLength(60);
        user.HasIndex(u => u.DisplayNameKey);
        user.Property(u => u.Bio).HasMaxLength(1000);
        user.Property(u => u.Location).HasMaxLength(100);
        user.Property(u => u.Website).HasMaxLength(2048);
        user.Property(u => u.AvatarUrl).HasMaxLength(2048);
        user.Property(u => u.AvatarKey).HasMaxLength(300);
        user.Property(u => u.AvatarThumbnailKey).HasMaxLength(300);
        user.Ignore(u => u.Avatar);
        user.Property(u => u.AvatarRenditions).AsRenditionsJson();

        // These two indexes, not a check before insert, decide uniqueness: racing registrations get one 409.
        user.HasIndex(u => u.Username).IsUnique();
        user.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}
