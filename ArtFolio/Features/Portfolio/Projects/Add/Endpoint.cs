using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Portfolio.Projects.Add;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        SectionEndpoints.Add<Domain.PortfolioProject, Request, Response>("projects", "a project", Response.From);
}
