using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;

namespace ArtFolio.Features.Users.List;

public sealed record Query : IPageQuery
{
    /// <summary>The start of a username or display name, any case.</summary>
    [QueryParam]
    public string? Q { get; init; }

    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }
}

/// <summary>Where the last page ended: its last username and, in a search, that user's rank.</summary>
public sealed record CursorKey(string After, int Rank = 0);
