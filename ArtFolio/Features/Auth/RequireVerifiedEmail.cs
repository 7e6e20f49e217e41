using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ArtFolio.Features.Auth;

/// <summary>
/// With <c>Accounts:RequireVerifiedEmail</c>, the endpoints that publish something (an upload, a comment,
/// a broadcast) answer 403 until the caller has verified their email address. It is an authorization
/// policy, so the answer comes before a byte of the request body is read. Attach it with
/// <c>RequireVerifiedEmail.On(Definition)</c> in an endpoint's <c>Configure()</c>, and declare the 403.
/// </summary>
public static class RequireVerifiedEmail
{
    public const string Policy = "verified-email";

    public static readonly string Detail =
        "Verify your email address first: follow the link we sent, or ask for a new one with POST "
        + $"{FastEndpointsSetup.PathOf(SendVerification.Endpoint.Route, 1)}.";

    public static void On(EndpointDefinition endpoint) => endpoint.Policies(Policy);

    public static AuthorizationOptions AddVerifiedEmailPolicy(this AuthorizationOptions options)
    {
        options.AddPolicy(
            Policy,
            policy => policy.RequireAuthenticatedUser().AddRequirements(new VerifiedEmailRequirement())
        );
        return options;
    }
}

public sealed class VerifiedEmailRequirement : IAuthorizationRequirement;

/// <summary>Passes a caller whose address is verified, or everyone when the setting is off.</summary>
public sealed class VerifiedEmailHandler(AccountOptions options, VerifiedEmails verified)
    : AuthorizationHandler<VerifiedEmailRequirement>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context,
        VerifiedEmailRequirement requirement
    )
    {
        if (!options.RequireVerifiedEmail)
        {
            context.Succeed(requirement);
            return;
        }
        if (context.User.UserIdOrNull() is not { } userId || context.Resource is not HttpContext http)
            return; // authentication answers that
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        if (await verified.IsVerifiedAsync(db, userId, http.RequestAborted))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, RequireVerifiedEmail.Detail));
    }
}

/// <summary>
/// Whether an account's address is verified, kept per instance like the session check
/// (<see cref="JwtOptions.SessionCheckCacheDuration"/>) and forgotten on every instance when it changes
/// (a confirmation, an email change).
/// </summary>
public sealed class VerifiedEmails(IMemoryCache memory, JwtOptions options, Evictions evictions) : IEvictionTarget
{
    private readonly CheckCache<Guid, bool> cache = new(memory);

    public string Kind => "verified-email";

    public async ValueTask<bool> IsVerifiedAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(userId, out var verified))
            return verified;
        var readAt = cache.Generation;
        verified = await db
            .Users.AsNoTracking()
            .AnyAsync(u => u.Id == userId && u.EmailVerifiedAt != null, cancellationToken);
        cache.Set(userId, verified, options.SessionCheckCacheDuration, readAt);
        return verified;
    }

    /// <summary>Called once a change to the account's address or its verification is committed.</summary>
    public Task ForgetAsync(Guid userId, CancellationToken cancellationToken) =>
        evictions.EvictAsync(Kind, [userId.ToString()], cancellationToken);

    public ValueTask EvictAsync(string key)
    {
        if (Guid.TryParse(key, out var id))
            cache.Evict(id);
        return ValueTask.CompletedTask;
    }
}
