using ArtFolio.Infrastructure.Endpoints;
using FluentValidation;

namespace ArtFolio.Features.Comments.List;

public sealed class Validator : AbstractValidator<Query>
{
    public Validator() =>
        this.AddPageRules(
            (_, cursor) =>
                Paging.TryDecode<CursorKey>(cursor, out var key)
                && key!.Ticks >= DateTime.MinValue.Ticks
                && key.Ticks <= DateTime.MaxValue.Ticks
        );
}
