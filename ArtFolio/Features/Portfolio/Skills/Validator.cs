using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Portfolio.Skills;

public sealed class Validator : Validator<Request>
{
    /// <summary>From least to most: the order skills are listed in, most first.</summary>
    public static readonly string[] Levels = ["beginner", "intermediate", "advanced", "expert"];

    public Validator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(60);
        RuleFor(r => r.Level)
            .OneOf(Levels, lenient: true)
            .WithMessage($"A level is one of: {string.Join(", ", Levels)}.");
    }
}
