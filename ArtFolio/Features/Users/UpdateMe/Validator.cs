using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Users.UpdateMe;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.DisplayName).MaximumLength(60);
        RuleFor(r => r.Bio).MaximumLength(1000);
        RuleFor(r => r.Location).MaximumLength(100);
        RuleFor(r => r.Website).MaximumLength(2048).ValidWebUrl();
    }
}
