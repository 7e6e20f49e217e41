using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Users.List;

public sealed class Validator : Validator<Query>
{
    public Validator()
    {
        RuleFor(q => q.Q).MaximumLength(60);
        this.AddPageRules(
            (_, cursor) =>
                Paging.TryDecode<CursorKey>(cursor, out var key)
                && key!.After is { Length: <= 30 }
                && key.Rank is >= 0 and <= 2
        );
    }
}
