using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.ImageSearch;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Downloads.RecordExternal;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Source)
            .NotEmpty()
            .OneOf([PexelsClient.Source], lenient: true)
            .WithMessage("The source is 'pexels'.");
        RuleFor(r => r.Id).NotEmpty().MaximumLength(40);
    }
}
