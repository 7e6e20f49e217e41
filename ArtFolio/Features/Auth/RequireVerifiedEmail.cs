using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth;

/// <summary>
/// With <c>Accounts:RequireVerifiedEmail</c>, the endpoints that publish something (an upload, a comment,
/// a broadcast) answer 403 until the caller has verified their email address. Attach it with
/// <c>RequireVerifiedEmail.On(Definition)</c> in an endpoint's <c>Configure()</c>, and declare the 403.
/// </summary>
public sealed class RequireVerifiedEmail : IGlobalPreProcessor
{
    public const string Detail =
        "Verify your email address first: follow the link we sent, or ask for a new one with POST /api/v1/auth/verification.";

    public static void On(EndpointDefinition endpoint) =>
        endpoint.PreProcessors(Order.Before, new RequireVerifiedEmail());

    public async Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (!http.RequestServices.GetRequiredService<AccountOptions>().RequireVerifiedEmail || http.ResponseStarted())
            return;
        if (http.User.UserIdOrNull() is not { } userId)
            return; // authentication answers that
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.EmailVerifiedAt != null, ct))
            await Problems.WriteAsync(http, StatusCodes.Status403Forbidden, Detail);
    }
}
