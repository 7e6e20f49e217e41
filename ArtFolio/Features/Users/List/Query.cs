using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;

namespace ArtFolio.Features.Users.List;

public sealed record Query : IPageQuery
{
    /// <summary>Part of a username or display name, any case.</summary>
    [QueryParam]
    public string? Q { get; init; }

    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }
}

/// <summary>The directory is ordered by username: the last username seen is the cursor.</summary>
public sealed record CursorKey(string After);
