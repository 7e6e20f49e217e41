using FluentValidation;

namespace ArtFolio.Features.Images;

/// <summary>The page and perPage every image list takes.</summary>
public interface IImagePageQuery
{
    int? Page { get; }
    int? PerPage { get; }
}

public static class ImagePaging
{
    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IImagePageQuery
    {
        validator.RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        validator.RuleFor(q => q.PerPage).InclusiveBetween(1, ImageEndpoints.MaxPerPage);
    }
}
