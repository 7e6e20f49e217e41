using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;

namespace ArtFolio.Features.Portfolio.Skills.Add;

public sealed class Endpoint(AppDbContext db, TimeProvider clock)
    : AddEntryEndpoint<PortfolioSkill, Request, Response>(db, clock, "skills", "a skill", Skills.Response.From);
