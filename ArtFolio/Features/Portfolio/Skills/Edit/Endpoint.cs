using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Portfolio.Skills.Edit;

public sealed class Endpoint(AppDbContext db, TimeProvider clock)
    : EditEntryEndpoint<PortfolioSkill, Request, Response>(db, clock, "skills", "a skill", Skills.Response.From);
