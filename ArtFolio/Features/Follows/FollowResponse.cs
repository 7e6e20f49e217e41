using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Follows;

/// <summary>Where a follow stands after the call; following twice or unfollowing twice changes nothing.</summary>
public sealed record FollowResponse(bool Following, int FollowerCount) : IHasExample<FollowResponse>
{
    public static FollowResponse Example { get; } = new(true, 128);
}
