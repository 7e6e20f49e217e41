using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Artworks.Popular;

/// <summary>The most liked artworks of the period, most liked first.</summary>
public sealed record Response(string Period, IReadOnlyList<ArtworkResponse> Items) : IHasExample<Response>
{
    public static Response Example { get; } = new("week", [ArtworkResponse.Example]);
}
