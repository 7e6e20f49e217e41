using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Portfolio.Experience.Add;

public sealed class Endpoint(AppDbContext db, TimeProvider clock)
    : AddEntryEndpoint<PortfolioExperience, Request, Response>(
        db,
        clock,
        "experience",
        "a position",
        Experience.Response.From
    );
