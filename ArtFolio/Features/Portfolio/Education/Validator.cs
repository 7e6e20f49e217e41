using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Portfolio.Education;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Institution).NotEmpty().MaximumLength(PortfolioRules.MaxText);
        RuleFor(r => r.Degree).MaximumLength(PortfolioRules.MaxText);
        RuleFor(r => r.Field).MaximumLength(PortfolioRules.MaxText);
        this.ValidPeriod();
    }
}
