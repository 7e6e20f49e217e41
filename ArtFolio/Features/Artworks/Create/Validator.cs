using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Artworks.Create;

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Image).NotNull().WithMessage("Attach the picture or video as the form file 'image'.");
        RuleFor(r => r.Title).ValidTitle();
        RuleFor(r => r.Description).ValidDescription();
        RuleFor(r => r.Category).ValidCategory();
        RuleFor(r => r.Price)
            .Must(p => string.IsNullOrEmpty(p) || Money.TryParse(p, out var price) && Money.IsValid(price))
            .WithMessage($"A price is a number from 0 to {Money.Max} with at most 2 decimals, like 12.50.");
        this.ValidTags(r => r.Tags);
    }
}
