using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Portfolio.Experience.Add;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        SectionEndpoints.Add<Domain.PortfolioExperience, Request, Response>("experience", "a position", Response.From);
}
