using System.ComponentModel.DataAnnotations;
using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;

namespace ArtFolio.Features.Orders.List;

public sealed record Query : IPageQuery
{
    /// <summary>Only orders in this state; all of them when absent.</summary>
    [QueryParam]
    [AllowedValues("pending", "paid", "cancelled", "refund_pending", "refunded")]
    public string? Status { get; init; }

    [QueryParam]
    public int? Limit { get; init; }

    [QueryParam]
    public string? Cursor { get; init; }
}
