using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Auth.Register;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Username).ValidUsername();
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password).ValidNewPassword();
        RuleFor(r => r.ConfirmPassword).NotEmpty().Equal(r => r.Password).WithMessage("Must match password.");
        RuleFor(r => r.DisplayName).MaximumLength(60);
    }
}
