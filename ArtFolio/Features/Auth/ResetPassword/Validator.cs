using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Auth.ResetPassword;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Token).ValidEmailToken();
        RuleFor(r => r.NewPassword).ValidNewPassword();
        RuleFor(r => r.ConfirmPassword).NotEmpty().Equal(r => r.NewPassword).WithMessage("Must match newPassword.");
    }
}
