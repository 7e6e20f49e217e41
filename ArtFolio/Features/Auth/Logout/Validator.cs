using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Auth.Logout;

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(AccountRules.MaxRefreshTokenLength);
}
