using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Artworks.Popular;

public sealed class Validator : Validator<Query>
{
    public Validator()
    {
        RuleFor(q => q.Period)
            .OneOf(Endpoint.Periods.Keys)
            .WithMessage($"A period is one of: {string.Join(", ", Endpoint.Periods.Keys)}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}
