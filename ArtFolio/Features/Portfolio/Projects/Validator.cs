using ArtFolio.Features.Users;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Portfolio.Projects;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Rules.MaxText);
        RuleFor(r => r.Description).MaximumLength(Rules.MaxDescription);
        RuleFor(r => r.Url).MaximumLength(2048).ValidWebUrl();
        this.ValidPeriod();
    }
}
