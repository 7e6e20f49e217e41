using ArtFolio.Domain;
using FastEndpoints;

namespace ArtFolio.Features.Portfolio.Experience;

public sealed record Request : IPeriod, ISectionRequest<PortfolioExperience>
{
    /// <summary>The entry to edit, from the route (editing only).</summary>
    [RouteParam]
    public Guid Id { get; init; }

    public static object Example { get; } =
        new Request
        {
            Title = "Illustrator",
            Organization = "Northern Press",
            Description = "Covers and spot illustrations.",
            StartDate = new DateOnly(2021, 1, 4),
        };

    public string? Title { get; init; }
    public string? Organization { get; init; }
    public string? Description { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>YYYY-MM-DD; none for a current position.</summary>
    public DateOnly? EndDate { get; init; }

    public PortfolioExperience Create(Guid userId, DateTime now)
    {
        var experience = new PortfolioExperience
        {
            UserId = userId,
            Title = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        ApplyTo(experience);
        return experience;
    }

    public void ApplyTo(PortfolioExperience experience)
    {
        experience.Title = Title!.Trim();
        experience.Organization = Users.ProfileRules.Clean(Organization);
        experience.Description = Users.ProfileRules.Clean(Description);
        experience.StartDate = StartDate;
        experience.EndDate = EndDate;
    }
}
