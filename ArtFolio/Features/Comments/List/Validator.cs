using ArtFolio.Infrastructure.Endpoints;
using FluentValidation;

namespace ArtFolio.Features.Comments.List;

public sealed class Validator : AbstractValidator<Query>
{
    public Validator() => this.AddPageRules((_, cursor) => TimeCursor.IsValid(cursor));
}
