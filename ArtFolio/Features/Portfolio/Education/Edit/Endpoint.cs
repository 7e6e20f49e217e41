using ArtFolio.Infrastructure.Endpoints;

namespace ArtFolio.Features.Portfolio.Education.Edit;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        SectionEndpoints.Edit<Domain.PortfolioEducation, Request, Response>(
            "education",
            "a school or course",
            Response.From
        );
}
