using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Portfolio.Projects.Edit;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        SectionEndpoints.Edit<Domain.PortfolioProject, Request, Response>("projects", "a project", Response.From);
}
