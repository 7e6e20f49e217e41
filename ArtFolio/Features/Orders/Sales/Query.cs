using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;

namespace ArtFolio.Features.Orders.Sales;

public sealed record Query : IPageQuery
{
    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }
}
