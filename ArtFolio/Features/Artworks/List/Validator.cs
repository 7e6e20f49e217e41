using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Search;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Artworks.List;

public sealed class Validator : Validator<Query>
{
    public Validator()
    {
        RuleFor(q => q.Sort)
            .OneOf(ArtworkSort.Names)
            .WithMessage($"Sort by one of: {string.Join(", ", ArtworkSort.Names)}.");
        RuleFor(q => q.Sort)
            .Must((query, sort) => sort != ArtworkSort.Relevance || SearchQuery.Parse(query.Q) is not null)
            .WithMessage("Sorting by relevance needs words to search for in q.");
        RuleFor(q => q.MinPrice).InclusiveBetween(0, Money.Max);
        RuleFor(q => q.MaxPrice).GreaterThanOrEqualTo(q => q.MinPrice ?? 0).LessThanOrEqualTo(Money.Max);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Tag).MaximumLength(ArtworkRules.MaxTagLength);
        RuleFor(q => q.Category).MaximumLength(50);
        RuleFor(q => q.Artist).MaximumLength(30);
        this.AddPageRules(
            (query, cursor) =>
                Paging.TryDecode<ArtworkCursor>(cursor, out var key)
                && (
                    Endpoint.SortOf(query.Sort, SearchQuery.Parse(query.Q)) is var name && name == ArtworkSort.Relevance
                        ? RelevanceCursor.Accepts(key!)
                        : ArtworkSort.All.TryGetValue(name, out var sort) && sort.Accepts(key!)
                )
        );
    }
}
