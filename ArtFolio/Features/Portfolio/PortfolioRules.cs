using FluentValidation;

namespace ArtFolio.Features.Portfolio;

/// <summary>A section entry that spans time.</summary>
public interface IPeriod
{
    DateOnly? StartDate { get; }
    DateOnly? EndDate { get; }
}

public static class PortfolioRules
{
    public const int MaxText = 120;
    public const int MaxDescription = 2000;

    /// <summary>An end before its start is a 400 on endDate. No end date means current.</summary>
    public static void ValidPeriod<T>(this AbstractValidator<T> validator)
        where T : IPeriod =>
        validator
            .RuleFor(r => r.EndDate)
            .GreaterThanOrEqualTo(r => r.StartDate)
            .When(r => r.StartDate is not null && r.EndDate is not null)
            .WithMessage("The end date is before the start date.");

    /// <summary>Current entries first (no end date), then the most recently ended, then the most recently started.</summary>
    public static IQueryable<T> CurrentAndRecentFirst<T>(this IQueryable<T> items)
        where T : class, Domain.IPortfolioItem, Domain.IHasPeriod =>
        items
            .OrderBy(i => i.EndDate == null ? 0 : 1)
            .ThenByDescending(i => i.EndDate)
            .ThenByDescending(i => i.StartDate)
            .ThenByDescending(i => i.CreatedAt);
}
