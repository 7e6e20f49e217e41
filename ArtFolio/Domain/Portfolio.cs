namespace ArtFolio.Domain;

/// <summary>What every portfolio entry has: an owner, and times.</summary>
public interface IPortfolioItem
{
    Guid Id { get; }
    Guid UserId { get; }
    DateTime CreatedAt { get; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>An entry that spans time; no end date means it is current.</summary>
public interface IHasPeriod
{
    DateOnly? StartDate { get; }
    DateOnly? EndDate { get; }
}

public sealed class PortfolioProject : IPortfolioItem, IHasPeriod
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class PortfolioSkill : IPortfolioItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string Name { get; set; }

    /// <summary>beginner, intermediate, advanced or expert; null when not given.</summary>
    public string? Level { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class PortfolioExperience : IPortfolioItem, IHasPeriod
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string Title { get; set; }
    public string? Organization { get; set; }
    public string? Description { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class PortfolioEducation : IPortfolioItem, IHasPeriod
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string Institution { get; set; }
    public string? Degree { get; set; }
    public string? Field { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
