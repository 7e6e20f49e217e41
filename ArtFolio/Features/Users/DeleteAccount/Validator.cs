using FluentValidation;

namespace ArtFolio.Features.Users.DeleteAccount;

public sealed class Validator : AbstractValidator<Request>
{
    public Validator() => RuleFor(r => r.Password).NotEmpty().MaximumLength(Auth.Rules.PasswordMaxLength);
}
