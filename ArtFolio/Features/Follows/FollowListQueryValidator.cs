using ArtFolio.Infrastructure.Endpoints;
using FluentValidation;

namespace ArtFolio.Features.Follows;

public sealed class FollowListQueryValidator : AbstractValidator<FollowListQuery>
{
    public FollowListQueryValidator() =>
        this.AddPageRules(
            (_, cursor) =>
                Paging.TryDecode<FollowCursor>(cursor, out var key)
                && key!.Ticks >= DateTime.MinValue.Ticks
                && key.Ticks <= DateTime.MaxValue.Ticks
        );
}
