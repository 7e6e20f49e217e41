using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Portfolio.Skills.Add;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        SectionEndpoints.Add<Domain.PortfolioSkill, Request, Response>("skills", "a skill", Response.From);
}
