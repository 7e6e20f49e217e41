using FluentValidation;

namespace ArtFolio.Features.Notifications.Broadcast;

public sealed class Validator : AbstractValidator<Request>
{
    public Validator() => RuleFor(r => r.Message).NotEmpty().MaximumLength(500);
}
