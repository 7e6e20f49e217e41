using FluentValidation;

namespace ArtFolio.Features.Auth.Logout;

public sealed class Validator : AbstractValidator<Request>
{
    public Validator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(Rules.MaxRefreshTokenLength);
}
