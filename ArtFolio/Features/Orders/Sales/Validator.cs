using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;

namespace ArtFolio.Features.Orders.Sales;

public sealed class Validator : Validator<Query>
{
    public Validator() => this.AddPageRules((_, cursor) => TimeCursor.IsValid(cursor));
}
