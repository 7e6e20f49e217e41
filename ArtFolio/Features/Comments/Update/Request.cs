using FastEndpoints;

namespace ArtFolio.Features.Comments.Update;

public sealed record Request
{
    /// <summary>The artwork, from the route.</summary>
    [RouteParam]
    public Guid Id { get; init; }

    /// <summary>The comment, from the route.</summary>
    [RouteParam]
    public Guid CommentId { get; init; }

    /// <summary>1 to 2000 characters, trimmed.</summary>
    public string? Body { get; init; }
}
