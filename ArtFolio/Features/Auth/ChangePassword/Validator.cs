using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Auth.ChangePassword;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(AccountRules.PasswordMaxLength);
        RuleFor(r => r.NewPassword).ValidNewPassword();
        RuleFor(r => r.ConfirmPassword).NotEmpty().Equal(r => r.NewPassword).WithMessage("Must match newPassword.");
    }
}
