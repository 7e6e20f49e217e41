using ArtFolio.Domain;

namespace ArtFolio.Features.Portfolio.Skills;

public sealed record Response(Guid Id, string Name, string? Level)
{
    public static Response From(PortfolioSkill s) => new(s.Id, s.Name, s.Level);
}
