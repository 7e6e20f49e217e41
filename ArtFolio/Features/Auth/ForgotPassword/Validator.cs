using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Auth.ForgotPassword;

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Email).ValidEmail();
}
