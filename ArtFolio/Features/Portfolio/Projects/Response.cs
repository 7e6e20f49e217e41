using ArtFolio.Domain;
using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Portfolio.Projects;

public sealed record Response(
    Guid Id,
    string Title,
    string? Description,
    string? Url,
    DateOnly? StartDate,
    DateOnly? EndDate
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            Guid.Parse("0193a5c2-c2d3-7e4f-9a51-7c8d9e0f0008"),
            "Harbor lights",
            "A series of twelve nocturnes painted on the quay.",
            "https://mira.example/harbor-lights",
            new DateOnly(2025, 3, 1),
            new DateOnly(2025, 11, 30)
        );

    public static Response From(PortfolioProject p) => new(p.Id, p.Title, p.Description, p.Url, p.StartDate, p.EndDate);
}
