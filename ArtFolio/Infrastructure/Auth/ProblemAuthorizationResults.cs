using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ArtFolio.Infrastructure.Auth;

/// <summary>
/// A policy that refuses with a reason (<see cref="AuthorizationFailureReason"/>) is answered as a 403
/// problem carrying that reason, before the endpoint reads the request; everything else as usual.
/// </summary>
public sealed class ProblemAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler usual = new();

    public Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult
    ) =>
        authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault() is { } reason
            ? Problems.WriteAsync(context, StatusCodes.Status403Forbidden, reason.Message)
            : usual.HandleAsync(next, context, policy, authorizeResult);
}
