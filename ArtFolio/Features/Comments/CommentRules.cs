using FluentValidation;

namespace ArtFolio.Features.Comments;

public static class CommentRules
{
    /// <summary>1 to 2000 characters once trimmed.</summary>
    public static IRuleBuilderOptions<T, string?> ValidCommentBody<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .Must(b => b?.Trim().Length is >= 1 and <= 2000)
            .WithMessage("A comment is 1 to 2000 characters.");
}
