using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ArtFolio.Infrastructure.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's user id, from the validated access token's <c>sub</c>.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub)!);

    /// <summary>The caller's user id, or null for an anonymous caller.</summary>
    public static Guid? UserIdOrNull(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id) ? id : null;

    /// <summary>The session the access token was issued in.</summary>
    public static Guid SessionId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(TokenService.SessionClaim)!);

    /// <summary>The session the access token was issued in, or null if it names none.</summary>
    public static Guid? SessionIdOrNull(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(TokenService.SessionClaim), out var id) ? id : null;
}
