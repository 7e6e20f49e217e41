using ArtFolio.Domain;

namespace ArtFolio.Features.Portfolio.Projects;

public sealed record Response(
    Guid Id,
    string Title,
    string? Description,
    string? Url,
    DateOnly? StartDate,
    DateOnly? EndDate
)
{
    public static Response From(PortfolioProject p) => new(p.Id, p.Title, p.Description, p.Url, p.StartDate, p.EndDate);
}
