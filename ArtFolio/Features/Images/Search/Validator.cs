using System.Text.RegularExpressions;
using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Images.Search;

public sealed partial class Validator : Validator<Query>
{
    public static readonly string[] Orientations = ["landscape", "portrait", "square"];

    public static readonly string[] Colors =
    [
        "red",
        "orange",
        "yellow",
        "green",
        "turquoise",
        "blue",
        "violet",
        "pink",
        "brown",
        "black",
        "gray",
        "white",
    ];

    public Validator()
    {
        RuleFor(q => q.Q)
            .NotEmpty()
            .Must(q => q!.Trim().Length is >= 1 and <= 200)
            .WithMessage("Search for 1 to 200 characters.");
        this.AddPagingRules();
        RuleFor(q => q.Orientation)
            .OneOf(Orientations, lenient: true)
            .WithMessage($"Orientation is one of: {string.Join(", ", Orientations)}.");
        RuleFor(q => q.Color)
            .Must(c => c is null || Colors.Contains(c.ToLowerInvariant()) || HexColor().IsMatch(c))
            .WithMessage($"Color is one of: {string.Join(", ", Colors)}, or a hex code like #ff8800.");
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
