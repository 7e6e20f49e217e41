using ArtFolio.Features.Users;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Portfolio.Projects;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(PortfolioRules.MaxText);
        RuleFor(r => r.Description).MaximumLength(PortfolioRules.MaxDescription);
        RuleFor(r => r.Url).MaximumLength(2048).ValidWebUrl();
        this.ValidPeriod();
    }
}
