namespace ArtFolio.Features.Users.UpdateMe;

/// <summary>
/// Replaces the editable profile fields (PUT): one left out is cleared. Username, email, counts, ids
/// and dates cannot be set here and are ignored if sent.
/// </summary>
public sealed record Request
{
    public string? DisplayName { get; init; }
    public string? Bio { get; init; }
    public string? Location { get; init; }
    public string? Website { get; init; }
}
