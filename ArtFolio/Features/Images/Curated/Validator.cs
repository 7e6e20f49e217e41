using FastEndpoints;

namespace ArtFolio.Features.Images.Curated;

public sealed class Validator : Validator<Query>
{
    public Validator() => this.AddPagingRules();
}
