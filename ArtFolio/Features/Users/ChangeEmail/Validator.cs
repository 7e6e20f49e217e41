using ArtFolio.Features.Auth;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Users.ChangeEmail;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password).NotEmpty().MaximumLength(Auth.AccountRules.PasswordMaxLength);
    }
}
