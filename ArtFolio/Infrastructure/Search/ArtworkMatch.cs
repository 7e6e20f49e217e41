namespace ArtFolio.Infrastructure.Search;

/// <summary>An artwork a search found and how well it matched: a higher rank is a better match.</summary>
public sealed class ArtworkMatch
{
    public Guid ArtworkId { get; init; }
    public double Rank { get; init; }
}
