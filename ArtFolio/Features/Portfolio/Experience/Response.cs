using ArtFolio.Domain;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Portfolio.Experience;

public sealed record Response(
    Guid Id,
    string Title,
    string? Organization,
    string? Description,
    DateOnly? StartDate,
    DateOnly? EndDate
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            Guid.Parse("0193a5c2-c2d3-7e4f-9a51-7c8d9e0f0007"),
            "Resident artist",
            "Harbor Studios",
            "Large-format oils for the studio's seasonal shows.",
            new DateOnly(2022, 1, 1),
            null
        );

    public static Response From(PortfolioExperience e) =>
        new(e.Id, e.Title, e.Organization, e.Description, e.StartDate, e.EndDate);
}
