using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Portfolio.Education.Add;

public sealed class Endpoint(AppDbContext db, TimeProvider clock)
    : AddEntryEndpoint<PortfolioEducation, Request, Response>(
        db,
        clock,
        "education",
        "a school or course",
        Education.Response.From
    );
