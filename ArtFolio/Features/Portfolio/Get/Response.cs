namespace ArtFolio.Features.Portfolio.Get;

/// <summary>A portfolio, every section ordered current and most recent first (skills: highest level first).</summary>
public sealed record Response(
    IReadOnlyList<Projects.Response> Projects,
    IReadOnlyList<Skills.Response> Skills,
    IReadOnlyList<Experience.Response> Experience,
    IReadOnlyList<Education.Response> Education
);
