using FastEndpoints;

namespace ArtFolio.Features.Artworks.Update;

/// <summary>
/// Replaces the editable fields (PUT): a field left out is cleared if it may be empty. The file, the
/// artist, counts, dates and urls cannot be changed here and are ignored if sent.
/// </summary>
public sealed record Request
{
    /// <summary>The artwork, from the route.</summary>
    [RouteParam]
    public Guid Id { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }
    public decimal? Price { get; init; }

    /// <summary>How many copies may be sold (1 to 1,000,000); left out for unlimited. Once copies are sold it can be lowered to no fewer than those, never raised or removed.</summary>
    public int? EditionSize { get; init; }

    /// <summary>True stops sales (the artwork stays on show); left out or false, it is for sale when priced.</summary>
    public bool? SalesStopped { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}
