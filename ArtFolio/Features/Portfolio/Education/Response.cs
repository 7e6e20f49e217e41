using ArtFolio.Domain;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Portfolio.Education;

public sealed record Response(
    Guid Id,
    string Institution,
    string? Degree,
    string? Field,
    DateOnly? StartDate,
    DateOnly? EndDate
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            Guid.Parse("0193a5c2-c2d3-7e4f-9a51-7c8d9e0f0006"),
            "Royal College of Art",
            "MA",
            "Painting",
            new DateOnly(2019, 9, 1),
            new DateOnly(2021, 6, 30)
        );

    public static Response From(PortfolioEducation e) =>
        new(e.Id, e.Institution, e.Degree, e.Field, e.StartDate, e.EndDate);
}
