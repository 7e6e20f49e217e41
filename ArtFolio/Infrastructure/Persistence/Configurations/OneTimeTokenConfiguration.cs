using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtFolio.Infrastructure.Persistence.Configurations;

internal sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    public void Configure(EntityTypeBuilder<OneTimeToken> token)
    {
        token.ToTable("one_time_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Purpose).HasMaxLength(20);
        token.Property(t => t.TokenHash).HasMaxLength(32);
        token.Property(t => t.Email).HasMaxLength(254);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.OutboxMessageId).IsUnique();
        token.HasIndex(t => new
        {
            t.UserId,
            t.Purpose,
            t.CreatedAt,
        });
        token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
