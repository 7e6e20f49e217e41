using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Follows;

public sealed class FollowListQueryValidator : Validator<FollowListQuery>
{
    public FollowListQueryValidator() => this.AddPageRules((_, cursor) => TimeCursor.IsValid(cursor));
}
