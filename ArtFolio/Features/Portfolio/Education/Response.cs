using ArtFolio.Domain;

namespace ArtFolio.Features.Portfolio.Education;

public sealed record Response(
    Guid Id,
    string Institution,
    string? Degree,
    string? Field,
    DateOnly? StartDate,
    DateOnly? EndDate
)
{
    public static Response From(PortfolioEducation e) =>
        new(e.Id, e.Institution, e.Degree, e.Field, e.StartDate, e.EndDate);
}
