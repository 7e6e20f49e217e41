using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Features.Users;

namespace ArtFolio.Features.Comments;

public sealed record CommentResponse(
    Guid Id,
    string Body,
    UserBadge Author,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool IsOwner
)
{
    /// <summary><c>isOwner</c>: the caller wrote it.</summary>
    public static Expression<Func<Comment, CommentResponse>> Projection(Guid? callerId) =>
        c => new CommentResponse(
            c.Id,
            c.Body,
            new UserBadge(c.Author.Username, c.Author.DisplayName, c.Author.AvatarUrl),
            c.CreatedAt,
            c.UpdatedAt,
            c.AuthorId == callerId
        );
}
