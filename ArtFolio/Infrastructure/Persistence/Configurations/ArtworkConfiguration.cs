using System.Text.Json;
using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtFolio.Infrastructure.Persistence.Configurations;

/// <summary>Renditions are read and written whole with their owner: one JSON text column, no table.</summary>
internal static class RenditionsColumn
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<IReadOnlyList<Rendition>> AsRenditionsJson(
        this PropertyBuilder<IReadOnlyList<Rendition>> property
    ) =>
        property
            .HasConversion(
                renditions => JsonSerializer.Serialize(renditions, JsonOptions),
                json => JsonSerializer.Deserialize<List<Rendition>>(json, JsonOptions) ?? new List<Rendition>(),
                new ValueComparer<IReadOnlyList<Rendition>>(
                    (a, b) => a!.SequenceEqual(b!),
                    renditions => renditions.Aggregate(0, (hash, r) => HashCode.Combine(hash, r)),
                    renditions => renditions.ToList()
                )
            )
            .HasColumnType("text");
}

internal sealed class ArtworkConfiguration : IEntityTypeConfiguration<Artwork>
{
    public void Configure(EntityTypeBuilder<Artwork> artwork)
    {
        artwork.ToTable("artworks");
        artwork.HasKey(a => a.Id);
        artwork.Property(a => a.Title).HasMaxLength(120);
        artwork.Property(a => a.Description).HasMaxLength(5000);
        artwork.Property(a => a.Category).HasMaxLength(50);
        artwork.Property(a => a.CategoryKey).HasMaxLength(50);
        artwork.Property(a => a.MediaKind).HasConversion<string>().HasMaxLength(10);
        artwork.Property(a => a.ContentType).HasMaxLength(50);
        artwork.Property(a => a.TagText).HasMaxLength(400); // 10 tags of 30 characters and their spaces
        artwork.Property(a => a.MediaKey).HasMaxLength(300);
        artwork.Property(a => a.ThumbnailKey).HasMaxLength(300);
        artwork.Property(a => a.ImageUrl).HasMaxLength(2048);
        artwork.Property(a => a.ThumbnailUrl).HasMaxLength(2048);
        artwork.Ignore(a => a.Media);
        artwork.Property(a => a.DominantColor).HasMaxLength(7);
        artwork.Property(a => a.Placeholder).HasMaxLength(4000);
        artwork.Property(a => a.Renditions).AsRenditionsJson();
        artwork.HasOne(a => a.Artist).WithMany().HasForeignKey(a => a.ArtistId).OnDelete(DeleteBehavior.Cascade);
        artwork.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.ArtworkId).OnDelete(DeleteBehavior.Cascade);

        // One index per listing order, each ending in Id: keyset pages seek on (sort key, id); the same
        // again behind the category, the filter that narrows least, so a category in any order is a range.
        // (An artist's or a tag's artworks are few enough to sort; a search's come ranked.)
        artwork.HasIndex(a => new { a.CreatedAt, a.Id });
        artwork.HasIndex(a => new { a.LikeCount, a.Id });
        artwork.HasIndex(a => new { a.PriceAscKey, a.Id });
        artwork.HasIndex(a => new { a.PriceDescKey, a.Id });
        artwork.HasIndex(a => new { a.ArtistId, a.CreatedAt });
        artwork.HasIndex(a => new
        {
            a.CategoryKey,
            a.CreatedAt,
            a.Id,
        });
        artwork.HasIndex(a => new
        {
            a.CategoryKey,
            a.LikeCount,
            a.Id,
        });
        artwork.HasIndex(a => new
        {
            a.CategoryKey,
            a.PriceAscKey,
            a.Id,
        });
        artwork.HasIndex(a => new
        {
            a.CategoryKey,
            a.PriceDescKey,
            a.Id,
        });
    }
}

internal sealed class ArtworkTagConfiguration : IEntityTypeConfiguration<ArtworkTag>
{
    public void Configure(EntityTypeBuilder<ArtworkTag> tag)
    {
        tag.ToTable("artwork_tags");
        tag.HasKey(t => new { t.ArtworkId, t.Name });
        tag.Property(t => t.Name).HasMaxLength(30);
        tag.HasIndex(t => new { t.Name, t.ArtworkId });
    }
}

/// <summary>A search's result rows (<see cref="Search.IArtworkSearch"/>): read from SQL, never a table.</summary>
internal sealed class ArtworkMatchConfiguration : IEntityTypeConfiguration<Search.ArtworkMatch>
{
    public void Configure(EntityTypeBuilder<Search.ArtworkMatch> match) => match.HasNoKey().ToView(null);
}
