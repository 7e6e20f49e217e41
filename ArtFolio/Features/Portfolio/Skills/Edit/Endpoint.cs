using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Portfolio.Skills.Edit;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        SectionEndpoints.Edit<Domain.PortfolioSkill, Request, Response>("skills", "a skill", Response.From);
}
