using System.Linq.Expressions;
using ArtFolio.Domain;
using ArtFolio.Features.Users;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Comments;

public sealed record CommentResponse(
    Guid Id,
    string Body,
    UserBadge Author,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool IsOwner
) : IHasExample<CommentResponse>
{
    public static CommentResponse Example { get; } =
        new(
            Guid.Parse("0193a5c2-9b40-7e11-8c2d-5f0a3e7b0002"),
            "The light on the water is wonderful.",
            new UserBadge("theo", "Theo Lindqvist", null),
            new DateTime(2026, 11, 21, 10, 2, 0, DateTimeKind.Utc),
            new DateTime(2026, 11, 21, 10, 2, 0, DateTimeKind.Utc),
            false
        );

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
