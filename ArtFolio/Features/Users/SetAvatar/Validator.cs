using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Users.SetAvatar;

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Image).NotNull().WithMessage("Attach the picture as the form file 'image'.");
}
