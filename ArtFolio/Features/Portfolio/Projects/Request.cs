using ArtFolio.Domain;
using FastEndpoints;

namespace ArtFolio.Features.Portfolio.Projects;

public sealed record Request : IPeriod, ISectionRequest<PortfolioProject>
{
    /// <summary>The entry to edit, from the route (editing only).</summary>
    [RouteParam]
    public Guid Id { get; init; }

    public static object Example { get; } =
        new Request
        {
            Title = "Harbour mural",
            Description = "A 40 m mural for the ferry terminal.",
            Url = "https://example.com/harbour-mural",
            StartDate = new DateOnly(2024, 3, 1),
            EndDate = new DateOnly(2024, 9, 30),
        };

    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>YYYY-MM-DD; none for an ongoing project.</summary>
    public DateOnly? EndDate { get; init; }

    public PortfolioProject Create(Guid userId, DateTime now)
    {
        var project = new PortfolioProject
        {
            UserId = userId,
            Title = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        ApplyTo(project);
        return project;
    }

    public void ApplyTo(PortfolioProject project)
    {
        project.Title = Title!.Trim();
        project.Description = Users.ProfileRules.Clean(Description);
        project.Url = Users.ProfileRules.Clean(Url);
        project.StartDate = StartDate;
        project.EndDate = EndDate;
    }
}
