namespace ArtFolio.Features.Artworks.Popular;

/// <summary>The most liked artworks of the period, most liked first.</summary>
public sealed record Response(string Period, IReadOnlyList<ArtworkResponse> Items);
