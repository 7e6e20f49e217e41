using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Users.List;

public sealed record Query : IPageQuery
{
    /// <summary>Part of a username or display name, any case.</summary>
    public string? Q { get; init; }

    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>The directory is ordered by username: the last username seen is the cursor.</summary>
public sealed record CursorKey(string After);
