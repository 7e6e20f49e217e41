using ArtFolio.Infrastructure.Endpoints;
using FastEndpoints;
using FluentValidation;

namespace ArtFolio.Features.Downloads.List;

public sealed class Validator : Validator<Query>
{
    public Validator() => this.AddPageRules((_, cursor) => TimeCursor.IsValid(cursor));
}
