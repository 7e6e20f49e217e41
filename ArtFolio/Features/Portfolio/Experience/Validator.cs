using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Portfolio.Experience;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Rules.MaxText);
        RuleFor(r => r.Organization).MaximumLength(Rules.MaxText);
        RuleFor(r => r.Description).MaximumLength(Rules.MaxDescription);
        this.ValidPeriod();
    }
}
