using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Feed.Get;

public sealed class Validator : Validator<Query>
{
    public Validator() =>
        this.AddPageRules(
            (_, cursor) => Paging.TryDecode<ArtworkCursor>(cursor, out var key) && Endpoint.Order.Accepts(key!)
        );
}
