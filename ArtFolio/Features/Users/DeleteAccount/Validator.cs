using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Users.DeleteAccount;

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Password).NotEmpty().MaximumLength(Auth.AccountRules.PasswordMaxLength);
}
