using FastEndpoints;

namespace ArtFolio.Features.Users.Profile;

/// <summary>The user named in the route.</summary>
public sealed record Request
{
    /// <summary>The user's username (compared without case).</summary>
    [RouteParam]
    public string Username { get; init; } = "";
}
