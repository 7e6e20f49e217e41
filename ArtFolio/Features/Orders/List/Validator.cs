using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Orders.List;

public sealed class Validator : Validator<Query>
{
    public Validator()
    {
        this.AddPageRules((_, cursor) => TimeCursor.IsValid(cursor));
        RuleFor(q => q.Status)
            .Must(status => status is null || Endpoint.StatusOf(status) is not null)
            .WithMessage("status: one of pending, paid, cancelled, refund_pending, refunded.");
    }
}
