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
    public string? Category { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}
