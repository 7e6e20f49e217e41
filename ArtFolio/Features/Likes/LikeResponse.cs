using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Likes;

/// <summary>Where a like stands after the call: liking twice or unliking twice changes nothing.</summary>
public sealed record LikeResponse(bool Liked, int LikeCount) : IHasExample<LikeResponse>
{
    public static LikeResponse Example { get; } = new(true, 43);
}
