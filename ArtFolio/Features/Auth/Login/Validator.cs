using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Auth.Login;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Password).NotEmpty().MaximumLength(AccountRules.PasswordMaxLength);
        RuleFor(r => r.Email)
            .NotEmpty()
            .When(r => string.IsNullOrEmpty(r.Username))
            .WithMessage("Give an email or a username.");
        RuleFor(r => r.Email)
            .Empty()
            .When(r => !string.IsNullOrEmpty(r.Username))
            .WithMessage("Give an email or a username, not both.");
        RuleFor(r => r.Email).MaximumLength(254);
        RuleFor(r => r.Username).MaximumLength(30);
    }
}
