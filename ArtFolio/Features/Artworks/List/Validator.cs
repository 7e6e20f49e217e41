using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Artworks.List;

public sealed class Validator : Validator<Query>
{
    public Validator()
    {
        RuleFor(q => q.Sort)
            .OneOf(ArtworkSort.All.Keys)
            .WithMessage($"Sort by one of: {string.Join(", ", ArtworkSort.All.Keys)}.");
        RuleFor(q => q.MinPrice).InclusiveBetween(0, Money.Max);
        RuleFor(q => q.MaxPrice).GreaterThanOrEqualTo(q => q.MinPrice ?? 0).LessThanOrEqualTo(Money.Max);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Tag).MaximumLength(ArtworkRules.MaxTagLength);
        RuleFor(q => q.Category).MaximumLength(50);
        RuleFor(q => q.Artist).MaximumLength(30);
        this.AddPageRules(
            (query, cursor) =>
                Paging.TryDecode<ArtworkCursor>(cursor, out var key)
                && ArtworkSort.All.TryGetValue(query.Sort ?? ArtworkSort.Default, out var sort)
                && sort.Accepts(key!)
        );
    }
}
