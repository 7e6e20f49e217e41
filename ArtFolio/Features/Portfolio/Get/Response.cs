using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Portfolio.Get;

/// <summary>A portfolio, every section ordered current and most recent first (skills: highest level first).</summary>
public sealed record Response(
    IReadOnlyList<Projects.Response> Projects,
    IReadOnlyList<Skills.Response> Skills,
    IReadOnlyList<Experience.Response> Experience,
    IReadOnlyList<Education.Response> Education
) : IHasExample<Response>
{
    public static Response Example { get; } =
        new(
            [Portfolio.Projects.Response.Example],
            [Portfolio.Skills.Response.Example],
            [Portfolio.Experience.Response.Example],
            [Portfolio.Education.Response.Example]
        );
}
