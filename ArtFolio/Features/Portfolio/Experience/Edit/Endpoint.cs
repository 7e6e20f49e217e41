using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Portfolio.Experience.Edit;

public sealed class Endpoint(AppDbContext db, TimeProvider clock)
    : EditEntryEndpoint<PortfolioExperience, Request, Response>(
        db,
        clock,
        "experience",
        "a position",
        Experience.Response.From
    );
