using FastEndpoints;

namespace ArtFolio.Features.Comments.Delete;

/// <summary>The artwork and its comment, named in the route.</summary>
public sealed record Request
{
    /// <summary>The artwork's id.</summary>
    [RouteParam]
    public Guid Id { get; init; }

    /// <summary>The comment's id.</summary>
    [RouteParam]
    public Guid CommentId { get; init; }
}
