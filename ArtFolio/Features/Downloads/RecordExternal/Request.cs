namespace ArtFolio.Features.Downloads.RecordExternal;

public sealed record Request
{
    /// <summary><c>pexels</c>.</summary>
    public string? Source { get; init; }

    /// <summary>The photo's id in that library, as image search gave it.</summary>
    public string? Id { get; init; }
}
