using ArtFolio.Domain;
using FastEndpoints;

namespace ArtFolio.Features.Portfolio.Education;

public sealed record Request : IPeriod, ISectionRequest<PortfolioEducation>
{
    /// <summary>The entry to edit, from the route (editing only).</summary>
    [RouteParam]
    public Guid Id { get; init; }

    public static object Example { get; } =
        new Request
        {
            Institution = "Royal College of Art",
            Degree = "MA",
            Field = "Painting",
            StartDate = new DateOnly(2018, 9, 1),
            EndDate = new DateOnly(2020, 6, 30),
        };

    public string? Institution { get; init; }
    public string? Degree { get; init; }
    public string? Field { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>YYYY-MM-DD; none while still studying.</summary>
    public DateOnly? EndDate { get; init; }

    public PortfolioEducation Create(Guid userId, DateTime now)
    {
        var education = new PortfolioEducation
        {
            UserId = userId,
            Institution = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        ApplyTo(education);
        return education;
    }

    public void ApplyTo(PortfolioEducation education)
    {
        education.Institution = Institution!.Trim();
        education.Degree = Users.ProfileRules.Clean(Degree);
        education.Field = Users.ProfileRules.Clean(Field);
        education.StartDate = StartDate;
        education.EndDate = EndDate;
    }
}
