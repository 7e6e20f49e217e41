using ArtFolio.Domain;
using FastEndpoints;

namespace ArtFolio.Features.Portfolio.Skills;

public sealed record Request : ISectionRequest<PortfolioSkill>
{
    /// <summary>The entry to edit, from the route (editing only).</summary>
    [RouteParam]
    public Guid Id { get; init; }

    public static object Example { get; } = new Request { Name = "Oil painting", Level = "expert" };

    public string? Name { get; init; }

    /// <summary>beginner, intermediate, advanced or expert (any case); optional.</summary>
    public string? Level { get; init; }

    public PortfolioSkill Create(Guid userId, DateTime now)
    {
        var skill = new PortfolioSkill
        {
            UserId = userId,
            Name = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        ApplyTo(skill);
        return skill;
    }

    public void ApplyTo(PortfolioSkill skill)
    {
        skill.Name = Name!.Trim();
        skill.Level = Users.ProfileRules.Clean(Level)?.ToLowerInvariant();
    }
}
