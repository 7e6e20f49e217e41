using ArtFolio.Domain;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Portfolio.Get;

public sealed class Endpoint(AppDbContext db) : Endpoint<Request, Results<Ok<Response>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Get("users/{username}/portfolio");
        AllowAnonymous();
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "An artist's portfolio: projects, skills, experience and education";
            s.Description = "Public: each section in its order (skills strongest first). An unknown username is a 404.";
        });
    }

    public override async Task<Results<Ok<Response>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var name = Domain.User.NormalizeUsername(request.Username);
        var userId = await db
            .Users.Where(u => u.Username == name)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
            return Users.UserProblems.UnknownUsername();

        var projects = await db
            .PortfolioProjects.Where(p => p.UserId == userId)
            .CurrentAndRecentFirst()
            .ToListAsync(cancellationToken);
        var skills = await db
            .PortfolioSkills.Where(s => s.UserId == userId)
            .OrderByDescending(s =>
                s.Level == "expert" ? 4
                : s.Level == "advanced" ? 3
                : s.Level == "intermediate" ? 2
                : s.Level == "beginner" ? 1
                : 0
            )
            .ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);
        var experience = await db
            .PortfolioExperience.Where(e => e.UserId == userId)
            .CurrentAndRecentFirst()
            .ToListAsync(cancellationToken);
        var education = await db
            .PortfolioEducation.Where(e => e.UserId == userId)
            .CurrentAndRecentFirst()
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(
            new Response(
                projects.Select(Projects.Response.From).ToList(),
                skills.Select(Skills.Response.From).ToList(),
                experience.Select(Experience.Response.From).ToList(),
                education.Select(Education.Response.From).ToList()
            )
        );
    }
}
