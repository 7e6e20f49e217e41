using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Orders.Checkout;

public sealed class Validator : Validator<Request>
{
    public const int MaxKeyLength = 255;

    public Validator() =>
        RuleFor(r => r.IdempotencyKey)
            .Must(key => key is null || (key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= '!' and <= '~')))
            .WithMessage($"Idempotency-Key: 1 to {MaxKeyLength} visible ASCII characters.");
}
