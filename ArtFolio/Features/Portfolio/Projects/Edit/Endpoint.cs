using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Portfolio.Projects.Edit;

public sealed class Endpoint(AppDbContext db, TimeProvider clock)
    : EditEntryEndpoint<PortfolioProject, Request, Response>(
        db,
        clock,
        "projects",
        "a project",
        Projects.Response.From
    );
