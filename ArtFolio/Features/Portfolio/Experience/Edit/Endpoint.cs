using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Portfolio.Experience.Edit;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        SectionEndpoints.Edit<Domain.PortfolioExperience, Request, Response>("experience", "a position", Response.From);
}
