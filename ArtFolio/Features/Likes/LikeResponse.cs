namespace ArtFolio.Features.Likes;

/// <summary>Where a like stands after the call: liking twice or unliking twice changes nothing.</summary>
public sealed record LikeResponse(bool Liked, int LikeCount);
