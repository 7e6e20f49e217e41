namespace ArtFolio.Features.Comments;

/// <summary>What writing and editing a comment take.</summary>
public sealed record CommentRequest
{
    /// <summary>1 to 2000 characters, trimmed.</summary>
    public string? Body { get; init; }
}
