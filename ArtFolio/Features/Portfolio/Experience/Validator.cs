using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Portfolio.Experience;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(PortfolioRules.MaxText);
        RuleFor(r => r.Organization).MaximumLength(PortfolioRules.MaxText);
        RuleFor(r => r.Description).MaximumLength(PortfolioRules.MaxDescription);
        this.ValidPeriod();
    }
}
