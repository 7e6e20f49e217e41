namespace ArtFolio.Domain;

/// <summary>An uploaded image or video with its description, price and counters.</summary>
public sealed class Artwork
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ArtistId { get; init; }
    public User Artist { get; init; } = null!;

    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Price in minor units (cents): integers sort and compare the same on SQLite and PostgreSQL.</summary>
    public long? PriceCents
    {
        get;
        set
        {
            field = value;
            PriceAscKey = value ?? long.MaxValue;
            PriceDescKey = value ?? -1;
        }
    }

    /// <summary>
    /// The price as the price sorts order it, unpriced artworks last in both: columns of their own, so an
    /// index serves each order (an order by <c>COALESCE(PriceCents, ...)</c> sorts every row).
    /// </summary>
    public long PriceAscKey { get; private set; } = long.MaxValue;

    /// <inheritdoc cref="PriceAscKey"/>
    public long PriceDescKey { get; private set; } = -1;

    /// <summary>How many copies may be sold; null is unlimited.</summary>
    public int? EditionSize { get; set; }

    /// <summary>Copies sold and not refunded; moved only by a conditional update that never passes <see cref="EditionSize"/>.</summary>
    public int SoldCount { get; set; }

    /// <summary>The artist stopped sales: not for sale whatever the price.</summary>
    public bool SalesStopped { get; set; }

    public required string Category { get; set; }

    /// <summary>Lower-case <see cref="Category"/>, for case-insensitive filtering on an index.</summary>
    public required string CategoryKey { get; set; }

    public List<ArtworkTag> Tags { get; init; } = [];

    /// <summary>
    /// The tags as one space-separated text, kept by <see cref="SetTags"/>: full-text search indexes a
    /// row's own columns (the tags live in their own table).
    /// </summary>
    public string TagText { get; private set; } = "";

    public MediaKind MediaKind { get; init; }
    public required string ContentType { get; init; }
    public long Bytes { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>The store's key for the file, to delete it; never shown to clients.</summary>
    public required string MediaKey { get; set; }
    public string? ThumbnailKey { get; set; }
    public required string ImageUrl { get; set; }
    public required string ThumbnailUrl { get; set; }

    /// <summary>The image's public renditions, narrowest first; none for a video (or an image not yet given them).</summary>
    public IReadOnlyList<Rendition> Renditions { get; set; } = [];

    /// <summary>A tiny blurred version as a data URI, for a page to show before the image loads.</summary>
    public string? Placeholder { get; set; }

    /// <summary>The image's average colour, <c>#rrggbb</c>.</summary>
    public string? DominantColor { get; set; }

    public int LikeCount { get; set; }
    public int CommentCount { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public MediaRef Media =>
        new(MediaKey, ThumbnailKey, MediaKind) { RenditionKeys = [.. Renditions.Select(r => r.Key).OfType<string>()] };

    public static string NormalizeCategory(string category) => category.Trim().ToLowerInvariant();

    /// <summary>Makes the tags exactly <paramref name="names"/> (already normalized), keeping those it had.</summary>
    public void SetTags(IReadOnlyCollection<string> names)
    {
        Tags.RemoveAll(t => !names.Contains(t.Name));
        Tags.AddRange(names.Where(n => Tags.All(t => t.Name != n)).Select(n => new ArtworkTag { Name = n }));
        TagText = string.Join(' ', Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
    }
}

/// <summary>One tag on one artwork: its own table, so "artworks with tag X" is an index lookup.</summary>
public sealed class ArtworkTag
{
    public Guid ArtworkId { get; init; }
    public required string Name { get; init; }
}
