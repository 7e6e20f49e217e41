using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Portfolio.Projects.Add;

public sealed class Endpoint(AppDbContext db, TimeProvider clock)
    : AddEntryEndpoint<PortfolioProject, Request, Response>(db, clock, "projects", "a project", Projects.Response.From);
