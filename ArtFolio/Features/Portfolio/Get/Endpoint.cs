using ArtFolio.Domain;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Portfolio.Get;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Get("users/{username}/portfolio", Handle) with
        {
            Summary = "An artist's portfolio: projects, skills, experience and education",
            AllowAnonymous = true,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
        };

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        string username,
        AppDbContext db,
        CancellationToken cancellationToken
    )
    {
        var name = User.NormalizeUsername(username);
        var userId = await db
            .Users.Where(u => u.Username == name)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
            return Problems.Result(StatusCodes.Status404NotFound, "There is no user with this username.");

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
