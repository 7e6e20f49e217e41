using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Artworks.Update;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Title).ValidTitle();
        RuleFor(r => r.Description).ValidDescription();
        RuleFor(r => r.Category).ValidCategory();
        RuleFor(r => r.Price).ValidPrice();
        RuleFor(r => r.EditionSize).InclusiveBetween(1, ArtworkRules.MaxEditionSize);
        this.ValidTags(r => r.Tags);
    }
}
