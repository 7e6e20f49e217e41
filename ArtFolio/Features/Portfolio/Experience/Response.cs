using ArtFolio.Domain;

namespace ArtFolio.Features.Portfolio.Experience;

public sealed record Response(
    Guid Id,
    string Title,
    string? Organization,
    string? Description,
    DateOnly? StartDate,
    DateOnly? EndDate
)
{
    public static Response From(PortfolioExperience e) =>
        new(e.Id, e.Title, e.Organization, e.Description, e.StartDate, e.EndDate);
}
