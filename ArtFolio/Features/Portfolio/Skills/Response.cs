using ArtFolio.Domain;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Portfolio.Skills;

public sealed record Response(Guid Id, string Name, string? Level) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(Guid.Parse("0193a5c2-c2d3-7e4f-9a51-7c8d9e0f0009"), "Oil painting", "expert");

    public static Response From(PortfolioSkill s) => new(s.Id, s.Name, s.Level);
}
