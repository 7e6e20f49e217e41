using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Portfolio.Education;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Institution).NotEmpty().MaximumLength(Rules.MaxText);
        RuleFor(r => r.Degree).MaximumLength(Rules.MaxText);
        RuleFor(r => r.Field).MaximumLength(Rules.MaxText);
        this.ValidPeriod();
    }
}
