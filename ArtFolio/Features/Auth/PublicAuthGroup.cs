using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Http;
using FastEndpoints;

namespace ArtFolio.Features.Auth;

/// <summary>
/// The auth endpoints a caller uses without a token (register, login, refresh, the emailed links): the
/// <c>auth</c> route prefix, anonymous access, and the per-client auth rate limit against guessing.
/// </summary>
public sealed class PublicAuthGroup : Group
{
    public PublicAuthGroup() =>
        Configure(
            "auth",
            endpoint =>
            {
                endpoint.AllowAnonymous();
                endpoint.Options(route => route.RequireRateLimiting(RateLimitPolicies.Auth));
            }
        );
}
