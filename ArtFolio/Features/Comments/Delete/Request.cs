using FastEndpoints;

namespace ArtFolio.Features.Comments.Delete;

/// <summary>The artwork and its comment, named in the route.</summary>
public sealed record Request
{
    [RouteParam]
    public Guid Id { get; init; }

    [RouteParam]
    public Guid CommentId { get; init; }
}
