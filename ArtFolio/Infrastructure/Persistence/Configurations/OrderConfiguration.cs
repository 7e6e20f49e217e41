using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtFolio.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.ArtworkTitle).HasMaxLength(120);
        order.Property(o => o.Currency).HasMaxLength(3);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.Reason).HasMaxLength(40);
        order.Property(o => o.IdempotencyKey).HasMaxLength(255);
        order.Property(o => o.CheckoutSessionId).HasMaxLength(255);
        order.Property(o => o.CheckoutUrl).HasMaxLength(2048);
        order.Property(o => o.PaymentIntentId).HasMaxLength(255);

        // Orders are the books: they outlive the artwork and either account (the ids become null).
        order.HasOne<Artwork>().WithMany().HasForeignKey(o => o.ArtworkId).OnDelete(DeleteBehavior.SetNull);
        order.HasOne(o => o.Buyer).WithMany().HasForeignKey(o => o.BuyerId).OnDelete(DeleteBehavior.SetNull);
        order.HasOne<User>().WithMany().HasForeignKey(o => o.ArtistId).OnDelete(DeleteBehavior.SetNull);

        // A buyer's orders and an artist's sales, newest first, as keyset pages; "does this buyer own
        // it" is a seek on the first.
        order.HasIndex(o => new
        {
            o.BuyerId,
            o.CreatedAt,
            o.Id,
        });
        order.HasIndex(o => new
        {
            o.ArtistId,
            o.PaidAt,
            o.Id,
        });
        order.HasIndex(o => new
        {
            o.BuyerId,
            o.ArtworkId,
            o.Status,
        });
        // A retried checkout finds its order; two at once insert one.
        order.HasIndex(o => new { o.BuyerId, o.IdempotencyKey }).IsUnique();
        order.HasIndex(o => o.CheckoutSessionId).IsUnique();
        order.HasIndex(o => o.PaymentIntentId);
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> paymentEvent)
    {
        paymentEvent.ToTable("payment_events");
        paymentEvent.HasKey(e => e.Id);
        paymentEvent.Property(e => e.Id).HasMaxLength(255);
        paymentEvent.Property(e => e.Type).HasMaxLength(100);
        paymentEvent.HasIndex(e => e.ReceivedAt); // housekeeping deletes the old ones by range
    }
}
