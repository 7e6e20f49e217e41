using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtFolio.Infrastructure.Persistence.Configurations;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("outbox");
        message.HasKey(m => m.Id);
        message.Property(m => m.Topic).HasMaxLength(40);
        message.Property(m => m.LastError).HasMaxLength(1000);
        // What the dispatcher looks for: not yet dispatched, in the order they became available.
        message.HasIndex(m => new { m.DispatchedAt, m.AvailableAt });
    }
}
