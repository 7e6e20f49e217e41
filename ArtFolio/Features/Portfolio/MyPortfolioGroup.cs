using FastEndpoints;

namespace ArtFolio.Features.Portfolio;

/// <summary>The endpoints that change the caller's own portfolio: under <c>users/me/portfolio</c>, with a token.</summary>
public sealed class MyPortfolioGroup : Group
{
    public MyPortfolioGroup() => Configure("users/me/portfolio", _ => { });
}
