using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Notifications.Broadcast;

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Message).NotEmpty().MaximumLength(500);
}
