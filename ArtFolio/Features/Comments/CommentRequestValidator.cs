using FluentValidation;

namespace ArtFolio.Features.Comments;

public sealed class CommentRequestValidator : AbstractValidator<CommentRequest>
{
    public CommentRequestValidator() =>
        RuleFor(r => r.Body)
            .NotEmpty()
            .Must(b => b?.Trim().Length is >= 1 and <= 2000)
            .WithMessage("A comment is 1 to 2000 characters.");
}
