using FluentValidation;

namespace ArtFolio.Features.Auth.Refresh;

public sealed class Validator : AbstractValidator<Request>
{
    public Validator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(Rules.MaxRefreshTokenLength);
}
