namespace ArtFolio.Features.Users;

/// <summary>The small form of a user shown beside their content: an artwork's artist, a comment's author.</summary>
public sealed record UserBadge(string Username, string? DisplayName, string? AvatarUrl);
