using ArtFolio.Infrastructure.Endpoints;
using FluentValidation;

namespace ArtFolio.Features.Follows;

public sealed class FollowListQueryValidator : AbstractValidator<FollowListQuery>
{
    public FollowListQueryValidator() => this.AddPageRules((_, cursor) => TimeCursor.IsValid(cursor));
}
