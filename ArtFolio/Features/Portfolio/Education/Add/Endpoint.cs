using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Portfolio.Education.Add;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        SectionEndpoints.Add<Domain.PortfolioEducation, Request, Response>(
            "education",
            "a school or course",
            Response.From
        );
}
