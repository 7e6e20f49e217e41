using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Auth.ConfirmVerification;

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Token).ValidEmailToken();
}
